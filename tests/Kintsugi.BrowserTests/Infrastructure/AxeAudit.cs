using Deque.AxeCore.Playwright;

namespace Kintsugi.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core on each page it is shown and collects every serious or critical violation, so
/// that one run reports all of them. Moderate and minor findings (mostly best practices) are
/// written to the test output only.
/// </summary>
/// <remarks>
/// axe runs under the app's own CSP (<c>script-src 'self'</c>, no 'unsafe-eval'): Playwright
/// evaluates the injected axe source through the DevTools protocol, which the page's CSP does not
/// restrict. Checked: on /, /support, /account/register and a 404 page, a context with
/// <c>BypassCSP = true</c> gives exactly the same passes and violations, so no such context is used.
/// </remarks>
public sealed class AxeAudit(ITestOutputHelper output)
{
    private readonly List<string> failures = [];
    private readonly List<string> audited = [];

    public IReadOnlyList<string> Audited => audited;

    public async Task CheckAsync(IPage page, string label)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe();
        audited.Add(label);
        foreach (var violation in result.Violations)
        {
            var targets = string.Join(" | ", violation.Nodes.Select(n => $"{n.Target} ({Explain(n)})"));
            var line = $"{label} <{page.Url}>: {violation.Id} [{violation.Impact}] {violation.Help} -> {targets}";
            output.WriteLine("axe: " + line);
            if (violation.Impact is "serious" or "critical")
            {
                failures.Add(line);
            }
        }
    }

    private static string Explain(Deque.AxeCore.Commons.AxeResultNode node) =>
        string.Join(" ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message));

    public void AssertNoSeriousViolations()
    {
        output.WriteLine($"axe audited {audited.Count} page states: {string.Join(", ", audited)}");
        Assert.True(failures.Count == 0, $"{failures.Count} serious or critical accessibility violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
