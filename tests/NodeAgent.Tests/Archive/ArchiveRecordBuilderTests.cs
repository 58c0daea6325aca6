using LineaHub.NodeAgent.Archive;
using LineaHub.Schemas.Anonymisation;
using LineaHub.Schemas.Archive;
using LineaHub.Schemas.Taxonomy;

namespace LineaHub.NodeAgent.Tests.Archive;

public sealed class ArchiveRecordBuilderTests
{
    private static readonly byte[] Secret = CitizenPseudonym.NewSecret();
    private static readonly DateTimeOffset Now = ArchiveAgent.Start.AddHours(2);

    [Fact]
    public void A_closed_contact_becomes_an_anonymised_record_with_hours_durations_from_exact_times_and_a_coarse_area()
    {
        var contact = Contacts.Closed("urp-2026-0001", ArchiveAgent.Start.AddMinutes(12));

        var build = ArchiveRecordBuilder.Build(contact, Secret, Now);

        var record = Assert.IsType<ArchiveRecord>(build.Record);
        Assert.Empty(build.Errors);
        Assert.Equal("urp-2026-0001", record.RecordId);
        Assert.Equal(TaxonomyCatalog.Current.Version, record.TaxonomyVersion);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), record.OpenedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), record.ClosedAt);
        Assert.Equal(7 * 60 + 13, record.FirstResponseSeconds);
        Assert.Equal(47 * 60 + 13, record.ResolutionSeconds);
        Assert.Equal(CitizenPseudonym.Create(contact.Citizen!, Secret), record.Citizen);
        Assert.Equal(CoarseArea.Of("066049", 42.3498, 13.3995), new CoarseArea(record.AreaIstatCode!, record.AreaCell));
        Assert.DoesNotContain("Inventato", record.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", record.Text, StringComparison.Ordinal);
        Assert.Contains("via Roma", record.Text, StringComparison.Ordinal);
        Assert.Contains("[TELEFONO]", record.Text, StringComparison.Ordinal);
        Assert.Empty(ArchiveRecordRules.Validate(record, Now));
    }

    [Fact]
    public void Durations_given_in_seconds_win_over_times()
    {
        var contact = Contacts.Closed("urp-2026-0002") with { FirstResponseSeconds = 30, ResolutionSeconds = null, ResolvedAt = null };

        var record = ArchiveRecordBuilder.Build(contact, Secret, Now).Record!;

        Assert.Equal(30, record.FirstResponseSeconds);
        Assert.Null(record.ResolutionSeconds);
    }

    [Fact]
    public void Errors_name_the_fields_the_office_sent_and_never_quote_them()
    {
        var fiscalCode = Contacts.FiscalCode(7);
        var contact = Contacts.Closed(fiscalCode) with
        {
            Category = "astrologia",
            Channel = null,
            IstatCode = "66049",
            Longitude = null,
            ClosedAt = ArchiveAgent.Start.AddHours(-2),
        };

        var build = ArchiveRecordBuilder.Build(contact, Secret, Now);

        Assert.Null(build.Record);
        var byField = build.Errors.ToLookup(e => e.Field);
        Assert.Contains(byField["contactId"], e => e.Code == "personal_data");
        Assert.Contains(byField["category"], e => e.Code == "unknown_code");
        Assert.Contains(byField["channel"], e => e.Code == "required");
        Assert.Contains(byField["istatCode"], e => e.Code == "invalid");
        Assert.Contains(byField["longitude"], e => e.Code == "invalid");
        Assert.Contains(byField["closedAt"], e => e.Code == "invalid");
        Assert.DoesNotContain(build.Errors, e => e.Field is "recordId" or "areaIstatCode");
        Assert.All(build.Errors, e => Assert.DoesNotContain(fiscalCode, e.Message, StringComparison.OrdinalIgnoreCase));
        Assert.All(build.Errors, e => Assert.DoesNotContain("astrologia", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_first_answer_before_the_contact_opened_is_refused()
    {
        var contact = Contacts.Closed("urp-2026-0003") with { FirstResponseAt = ArchiveAgent.Start.AddDays(-1) };

        var build = ArchiveRecordBuilder.Build(contact, Secret, Now);

        Assert.Equal("firstResponseAt", Assert.Single(build.Errors).Field);
    }

    [Fact]
    public void The_same_citizen_gets_the_same_pseudonym_whatever_the_spelling_and_none_without_the_secret()
    {
        var fiscalCode = Contacts.FiscalCode(3);
        var spaced = string.Join(' ', fiscalCode.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

        var first = ArchiveRecordBuilder.Build(Contacts.Closed("a-1") with { Citizen = fiscalCode }, Secret, Now).Record!;
        var second = ArchiveRecordBuilder.Build(Contacts.Closed("a-2") with { Citizen = spaced }, Secret, Now).Record!;
        var otherNode = ArchiveRecordBuilder.Build(Contacts.Closed("a-3") with { Citizen = fiscalCode }, CitizenPseudonym.NewSecret(), Now).Record!;
        var anonymous = ArchiveRecordBuilder.Build(Contacts.Closed("a-4") with { Citizen = " " }, Secret, Now).Record!;

        Assert.Equal(first.Citizen, second.Citizen);
        Assert.NotEqual(first.Citizen, otherNode.Citizen);
        Assert.Null(anonymous.Citizen);
    }
}
