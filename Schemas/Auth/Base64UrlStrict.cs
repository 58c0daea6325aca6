using System.Buffers.Text;

namespace LineaHub.Schemas.Auth;

/// <summary>
/// Base64url as JOSE writes it: no padding, no whitespace, no stray bits. <see cref="Base64Url"/> itself
/// skips padding and whitespace, so two different strings could decode to the same envelope.
/// </summary>
internal static class Base64UrlStrict
{
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        if (text.Length % 4 == 1)
        {
            return false;
        }

        try
        {
            // Throws on non-zero unused bits in the last character, which is what we want.
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
