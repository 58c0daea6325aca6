using System.Text.RegularExpressions;

namespace LineaHub.Schemas.Anonymisation;

/// <summary>Source-generated patterns that find candidates; checksums and context decide afterwards.</summary>
internal static partial class Patterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![\w.%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]*[A-Za-z0-9_])?@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}", Options)]
    public static partial Regex Email();

    // Sixteen characters in the codice fiscale layout, a single space allowed between any two.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z](?: ?[A-Z]){5}(?: ?[0-9LMNPQRSTUV]){2} ?[ABCDEHLMPRST](?: ?[0-9LMNPQRSTUV]){2} ?[A-Z](?: ?[0-9LMNPQRSTUV]){3} ?[A-Z](?![A-Za-z0-9])", Options | RegexOptions.IgnoreCase)]
    public static partial Regex FiscalCode();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:IT ?)?(?<digits>[0-9]{11})(?![0-9])", Options | RegexOptions.IgnoreCase)]
    public static partial Regex VatNumber();

    // Greedy: the country length decides afterwards where the IBAN ends.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){10,32}", Options | RegexOptions.IgnoreCase)]
    public static partial Regex Iban();

    // Mobile (3xx) or landline (0x); the digit count is checked afterwards.
    [GeneratedRegex(@"(?<![0-9A-Za-z+/.,])(?:(?:\+|00) ?39[ .\-/]?)?\(?(?:3[0-9]{2}|0[0-9]{1,3})\)?(?:[ .\-/]?[0-9]){4,9}(?![0-9]|[.,/][0-9])", Options)]
    public static partial Regex Phone();

    [GeneratedRegex(@"^[0-9]{1,2}[./\-][0-9]{1,2}[./\-][0-9]{2,4}$", Options)]
    public static partial Regex NumericDate();

    // Italian plates since 1994: letters without I, O, Q, U.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-HJ-NPR-TV-Z]{2} ?[0-9]{3} ?[A-HJ-NPR-TV-Z]{2}(?![A-Za-z0-9])", Options)]
    public static partial Regex Plate();

    [GeneratedRegex(@"(?i:carta\s+d['’]\s?identit[àa]|carta\s+di\s+identit[àa]|\bc\.?i\.?e\.?(?![a-z])|passaporto|patente(?:\s+di\s+guida)?|documento(?:\s+di\s+(?:identit[àa]|riconoscimento))?)(?:\s+(?:elettronica|cartacea|italiano|italiana))?(?:\s*(?:n\.|n°|nr\.?|num\.|numero|:|,|è|avente|con|il|n))*\s*(?<doc>(?<![A-Za-z0-9])[A-Za-z]{1,2} ?[0-9][A-Za-z0-9]{4,8}(?![A-Za-z0-9]))", Options)]
    public static partial Regex DocumentWithContext();

    // The electronic identity card layout is distinctive enough on its own.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{5}[A-Z]{2}(?![A-Za-z0-9])", Options)]
    public static partial Regex ElectronicIdentityCard();

    private const string Month = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre";

    [GeneratedRegex(@"(?i:\bnat[oa](?:/a)?\b(?:\s+(?:a|ad|in)\s+[^\d\n.;]{1,40}?)?[\s,]*(?:il|in\s+data|in\s+data\s+del)\s+|data\s+di\s+nascita\s*(?::|è)?\s*(?:il\s+)?|\bnascita\s*:\s*|\bclasse\s+(?=[0-9]{4}\b))(?<date>[0-9]{1,2}(?:[./\-][0-9]{1,2}[./\-](?:[0-9]{4}|[0-9]{2})|°?\s+(?i:" + Month + @")\s+[0-9]{4})|[0-9]{4})(?![0-9])", Options)]
    public static partial Regex BirthDate();

    private const string StreetType = @"via|viale|v\.le|piazza|p\.zza|p\.za|piazzale|corso|c\.so|largo|vicolo|strada|contrada|c\.da|località|loc\.|lungomare|borgo|vico|salita|traversa|circonvallazione|lungotevere";
    private const string StreetWord = @"(?:(?i:d[ie]i|d[ie]gli|d[ie]lle|del|della|dello|di|de|san|santa|santo)\s+|(?i:dell|d|sant|dall)['’])?(?:\p{Lu}[\p{L}'’.]*|[IVXL]+|[0-9]{1,2}(?=\s+\p{Lu}))";

    // Someone's own address: a residence cue, then a street, then the house number (and maybe CAP and town).
    [GeneratedRegex(@"(?i:resident[ei]|residenti|domiciliat[oa]|domicilio|abito|abita|abitiamo|abitano|vivo|vive|viviamo|risiedo|risiede|abitazione|indirizzo|recapito|casa\s+mia|abitante)\b(?:(?!buca|lampion|guast|rifiut|segnal|perdit|tombin|marciapied|semafor|alber|ramo|cassonett|lavori)[^\n.;!?,]){0,30}?\b(?<addr>(?i:" + StreetType + @")\s*" + StreetWord + @"(?:\s+" + StreetWord + @"){0,4}(?:\s*,?\s*(?:(?i:n\.|n°|nr\.?|numero|civico|n)\s*)?[0-9]{1,4}(?:\s?/\s?[A-Za-z0-9]|[A-Za-z](?![A-Za-z]))?(?![0-9]))?(?:\s*,?\s*[0-9]{5}\s+\p{Lu}\p{L}+)?)", Options)]
    public static partial Regex PersonalAddress();

    private const string NameWord = @"\p{Lu}\p{L}+";
    private const string NameParticle = @"(?:(?:De|Di|Del|Della|Degli|Dei|Lo|La|Li|Da|Dal|Dalla)\s+|(?:Dell|D|Dall|De)['’])";

    // A title or a phrase that introduces a person, then up to three capitalised words.
    [GeneratedRegex(@"(?i:\bsig(?:\.\s?ra|\.\s?na|\.|nor|nora|norina|\.\s?ri)|\bsigg\.|\bdott(?:\.\s?ssa|\.|or|oressa)|\bdr\.|\bdott\.ssa|\bavv(?:\.\s?to|\.)|\bavvocato|\bprof(?:\.\s?ssa|\.)|\bprofessor(?:e|essa)?|\bing\.|\bingegner[e]?|\bgeom\.|\barch\.|\brag\.|\bcittadin[oa]|\butente|\brichiedente|\bsegnalante|\bsottoscritt[oa]|\bmi\s+chiamo|\bsi\s+chiama|\ba\s+nome\s+d(?:i|el|ella|ello)|\bper\s+conto\s+d(?:i|el|ella|ello)|\bfigli[oa]|\bmoglie|\bmarito|\bmadre|\bpadre|\bnonn[oa]|\bvicin[oa]\s+di\s+casa|\bintestat[oa]\s+a|\bintestatari[oa]|\bcontribuente|\bdichiarante|\bdelegat[oa]|\bil\s+signor|\bla\s+signora)[\s,:]+(?<name>" + NameParticle + "?" + NameWord + @"(?:['’]" + NameWord + @")?(?:\s+" + NameParticle + "?" + NameWord + @"(?:['’]" + NameWord + @")?){0,2})", Options)]
    public static partial Regex IntroducedName();

    // Phone numbers announced as the office's own, which are not personal data.
    [GeneratedRegex(@"(?i:numero\s+verde|centralino|call\s*cent(?:er|re)|urp\b|ufficio|sportello|segreteria|comando|comune|municipio|polizia\s+locale|servizio\s+clienti|help\s*desk|pronto\s+intervento|front\s*office)[^\n.;]{0,40}$", Options)]
    public static partial Regex PublicNumberCue();

    [GeneratedRegex(@"(?i:\bmi[oa]\b|\bcellulare\b|\brichiamar|\bcontattarmi|\bpersonale\b|\bcasa\b)", Options)]
    public static partial Regex PersonalNumberCue();

    [GeneratedRegex(@"(?i:\btel\b|\btel\.|\btelefono|\bcell|\bchiam|\bnumero\s+di\s+telefono|\bfax|\bwhatsapp|\bsms)[^\n]{0,20}$", Options)]
    public static partial Regex PhoneCue();

    [GeneratedRegex(@"(?i:\bistat|\bprot|\bprotocollo|\bpratica|\bcap\b|\bcodice\s+(?:utente|cliente|pratica|contratto)|\bPOD|\bPDR|\bmatricola|\bfattura|\bavviso|\briferimento|\brif\b|\biuv\b|\bcodice)[^\n]{0,25}$", Options)]
    public static partial Regex NumberIsNotPhoneCue();
}
