using LineaHub.Schemas.Faq;

namespace LineaHub.Schemas.Tests.Faq;

public sealed class FaqMarkdownTests
{
    [Fact]
    public void The_subset_becomes_its_html()
    {
        const string answer = """
            # Come pagare la TARI
            Si paga con il modello **F24** o con *PagoPA*, codice tributo `3944`.

            - allo sportello
            - online su [pagopa.gov.it](https://www.pagopa.gov.it/)

            1. scaricare l'avviso
            2) pagarlo entro __il 16 giugno__
            Scrivere a [urp](mailto:urp@comune.example.it).
            """;

        Assert.Equal(
            "<h1>Come pagare la TARI</h1>\n"
            + "<p>Si paga con il modello <strong>F24</strong> o con <em>PagoPA</em>, codice tributo <code>3944</code>.</p>\n"
            + "<ul>\n<li>allo sportello</li>\n"
            + "<li>online su <a href=\"https://www.pagopa.gov.it/\" rel=\"noopener noreferrer nofollow\">pagopa.gov.it</a></li>\n</ul>\n"
            + "<ol>\n<li>scaricare l&#39;avviso</li>\n<li>pagarlo entro <strong>il 16 giugno</strong></li>\n</ol>\n"
            + "<p>Scrivere a <a href=\"mailto:urp@comune.example.it\" rel=\"noopener noreferrer nofollow\">urp</a>.</p>",
            FaqMarkdown.ToSafeHtml(answer));
    }

    [Fact]
    public void Plain_text_is_one_escaped_paragraph_per_block()
    {
        Assert.Equal("<p>Portare un documento &amp; la tessera sanitaria.\nPoi attendere.</p>\n<p>Grazie.</p>",
            FaqMarkdown.ToSafeHtml("Portare un documento & la tessera sanitaria.\r\nPoi attendere.\n\n\nGrazie."));
        Assert.Equal(string.Empty, FaqMarkdown.ToSafeHtml("  \n "));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>")]
    [InlineData("**<b onclick=alert(1)>x</b>**", "<p><strong>&lt;b onclick=alert(1)&gt;x&lt;/b&gt;</strong></p>")]
    [InlineData("# <iframe src=//evil>", "<h1>&lt;iframe src=//evil&gt;</h1>")]
    [InlineData("`<script>`", "<p><code>&lt;script&gt;</code></p>")]
    public void Raw_html_is_always_text(string markdown, string html)
    {
        Assert.Equal(html, FaqMarkdown.ToSafeHtml(markdown));
    }

    [Theory]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](javascript:alert`1`)")]
    [InlineData("[clic](JaVaScRiPt:alert('x'))")]
    [InlineData("[clic](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[clic](vbscript:msgbox)")]
    [InlineData("[clic](/relativo)")]
    [InlineData("[clic](java\tscript:alert)")]
    [InlineData("[clic]( javascript:alert)")]
    [InlineData("[clic](file:///etc/passwd)")]
    public void Links_other_than_http_https_or_mailto_are_only_their_text(string markdown)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.StartsWith("<p>clic", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](https://a.example/\"onmouseover=\"alert(1))", "https://a.example/&quot;onmouseover=&quot;alert")]
    [InlineData("[x](https://a.example/'onmouseover='alert)", "https://a.example/&#39;onmouseover=&#39;alert")]
    [InlineData("[x](https://a.example/?a=1&b=<2>)", "https://a.example/?a=1&amp;b=&lt;2&gt;")]
    public void Quotes_and_angle_brackets_in_an_address_cannot_leave_the_attribute(string markdown, string href)
    {
        var html = FaqMarkdown.ToSafeHtml(markdown);

        Assert.Contains($"<a href=\"{href}", html, StringComparison.Ordinal);
        // Two attributes, four quotes: none came from the address.
        Assert.Equal(4, html.Count(c => c == '"'));
    }

    [Theory]
    [InlineData("**grassetto *e corsivo* insieme**", "<p><strong>grassetto <em>e corsivo</em> insieme</strong></p>")]
    [InlineData("*[link](https://a.example/) in corsivo*", "<p><em><a href=\"https://a.example/\" rel=\"noopener noreferrer nofollow\">link</a> in corsivo</em></p>")]
    [InlineData("[**forte** `x`](https://a.example/)", "<p><a href=\"https://a.example/\" rel=\"noopener noreferrer nofollow\"><strong>forte</strong> <code>x</code></a></p>")]
    [InlineData("[[a](https://b.example/)](https://c.example/)", "<p>[<a href=\"https://b.example/\" rel=\"noopener noreferrer nofollow\">a</a>](https://c.example/)</p>")]
    [InlineData("![foto](https://a.example/x.png)", "<p>foto</p>")]
    [InlineData("file_name_lungo e 2 * 3", "<p>file_name_lungo e 2 * 3</p>")]
    [InlineData("**non chiuso e `nemmeno", "<p>**non chiuso e `nemmeno</p>")]
    [InlineData("`**non grassetto**`", "<p><code>**non grassetto**</code></p>")]
    public void Nested_and_unfinished_markup_stays_well_formed(string markdown, string html)
    {
        Assert.Equal(html, FaqMarkdown.ToSafeHtml(markdown));
    }

    [Fact]
    public void Deep_nesting_and_long_hostile_input_render_without_failing()
    {
        var deep = string.Concat(Enumerable.Repeat("*_", 2_000)) + "x" + string.Concat(Enumerable.Repeat("_*", 2_000));
        var brackets = string.Concat(Enumerable.Repeat("[(`*", 2_500));

        var html = FaqMarkdown.ToSafeHtml(deep) + FaqMarkdown.ToSafeHtml(brackets);

        Assert.DoesNotContain('<', html.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal)
            .Replace("<em>", "", StringComparison.Ordinal).Replace("</em>", "", StringComparison.Ordinal)
            .Replace("<code>", "", StringComparison.Ordinal).Replace("</code>", "", StringComparison.Ordinal)
            .Replace("<strong>", "", StringComparison.Ordinal).Replace("</strong>", "", StringComparison.Ordinal));
    }
}
