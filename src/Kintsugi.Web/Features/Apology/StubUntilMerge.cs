// TEMPORARY: the contract of the apology analyzer, built on branch "apology"; removed when it is merged.
namespace Kintsugi.Web.Features.Apology;

public enum FindingKind { Excuse, BlameShift, Conditional, Minimizing, ForgivenessDemand, Deflection }

public sealed record ApologyFinding(FindingKind Kind, int Start, int Length, string Message);

public sealed record ApologyComponents(bool Regret, bool Responsibility, bool Impact, bool Repair, bool Change, bool ForgivenessRequest);

public sealed record ApologyReport(IReadOnlyList<ApologyFinding> Findings, ApologyComponents Components);

public sealed class ApologyChecker
{
    public static ApologyChecker English { get; } = new();

    public ApologyReport Check(string text) => new([], new(text.Contains("sorry", StringComparison.OrdinalIgnoreCase), false, false, false, false, false));
}
