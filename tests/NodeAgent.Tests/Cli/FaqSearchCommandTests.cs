using LineaHub.NodeAgent.Cli;
using LineaHub.NodeAgent.Faq;
using LineaHub.NodeAgent.Tests.Faq;
using LineaHub.Schemas.Faq;
using static LineaHub.NodeAgent.Tests.Faq.FaqChangesFixture;

namespace LineaHub.NodeAgent.Tests.Cli;

public sealed class FaqSearchCommandTests
{
    [Fact]
    public void The_command_line_shows_question_snippet_without_markup_and_id_in_italian_and_warns_when_the_replica_is_stale()
    {
        var hit = new FaqHit("3f0c", 1.5f, "Come pagare la TARI", "…si paga con il modello <mark>F24</mark> &amp; PagoPA", "tributi.tari", 7);
        var fresh = new LocalFaqSearchResponse(Guid.NewGuid(), [hit], 3, 7, FaqAgent.Start, Stale: false);
        using var output = new StringWriter();
        using var stale = new StringWriter();
        using var never = new StringWriter();
        using var none = new StringWriter();

        FaqSearchText.Write(output, fresh);
        FaqSearchText.Write(stale, fresh with { Stale = true });
        FaqSearchText.Write(never, fresh with { Stale = true, LastSyncAt = null });
        FaqSearchText.Write(none, fresh with { Hits = [], TotalHits = 0 });

        var text = output.ToString();
        Assert.Contains("1 FAQ mostrate su 3 trovate", text, StringComparison.Ordinal);
        Assert.Contains("1. Come pagare la TARI", text, StringComparison.Ordinal);
        Assert.Contains("…si paga con il modello F24 & PagoPA", text, StringComparison.Ordinal);
        Assert.Contains("id 3f0c · tributi.tari", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Attenzione", text, StringComparison.Ordinal);
        Assert.StartsWith("Attenzione: copia locale delle FAQ non aggiornata dall'hub dal 2026-11-23 09:00:00Z", stale.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Attenzione: copia locale delle FAQ mai aggiornata", never.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nessuna FAQ trovata.", none.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faq_search_asks_the_running_agent_and_exits_1_for_a_refused_search_or_an_agent_that_does_not_answer()
    {
        await using var agent = await FaqAgent.StartAsync();
        var id = NewId();
        agent.Hub.Publish(Entry(id, 1, "Come pagare la TARI", "Con il modello F24.", FaqScope.Local));
        await agent.SyncAsync();
        var address = agent.Local.BaseAddress!.ToString();
        using var output = new StringWriter();

        var found = await AgentCli.RunAsync(["faq", "search", "pagare tari", "--category", "tributi", "--limit", "5", "--agent", address, "--data", agent.Folder], output);
        var blank = await AgentCli.RunAsync(["faq", "search", "  ", "--agent", address, "--data", agent.Folder], new StringWriter());
        var badLimit = await AgentCli.RunAsync(["faq", "search", "tari", "--limit", "99", "--agent", address, "--data", agent.Folder], new StringWriter());
        await agent.App.StopAsync();
        var away = await AgentCli.RunAsync(["faq", "search", "tari", "--agent", address, "--data", agent.Folder], new StringWriter());

        Assert.Equal((0, 1, 1, 1), (found, blank, badLimit, away));
        Assert.Contains("1. Come pagare la TARI", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"id {id}", output.ToString(), StringComparison.Ordinal);
    }
}
