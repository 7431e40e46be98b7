using System.Diagnostics;
using System.Globalization;
using Kintsugi.Web.Features.Apology;

// bench/apology.sh: checks a ~2,000-word letter many times after warm-up and prints the spread.
// "check" instead reads letters from stdin (one per line) and prints what the feedback finds.
var checker = ApologyChecker.English;
if (args is ["check", ..])
{
    while (Console.ReadLine() is { } line)
    {
        if (line.Length == 0)
        {
            continue;
        }

        var report = checker.Check(line);
        Console.WriteLine(line);
        foreach (var f in report.Findings)
        {
            Console.WriteLine($"  {ApologyChecker.KindKey(f.Kind),-18} \"{line.Substring(f.Start, f.Length)}\"");
        }

        Console.WriteLine("  parts: " + string.Join(' ', ApologyChecker.Parts(report.Components).Where(p => p.Present).Select(p => p.Key)));
    }

    return 0;
}

var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var letter = Letter.Build(2000);
var words = letter.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

for (var i = 0; i < 200; i++)
{
    checker.Check(letter);
}

var times = new double[iterations];
var findings = 0;
for (var i = 0; i < iterations; i++)
{
    var start = Stopwatch.GetTimestamp();
    findings = checker.Check(letter).Findings.Count;
    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

Array.Sort(times);
double At(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
var median = At(0.5);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"apology feedback: {words} words, {letter.Length} characters, {findings} findings, {iterations} checks after 200 warm-up"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  median {median:0.000} ms   p95 {At(0.95):0.000} ms   p99 {At(0.99):0.000} ms   max {times[^1]:0.000} ms"));
if (median >= 10)
{
    Console.WriteLine("FAILED: the median is not under 10 ms.");
    return 1;
}

Console.WriteLine("ok: the median is under 10 ms.");
return 0;

internal static class Letter
{
    // Sentences of every sort (sincere, excuses, blame, minimising, ...), cycled until the word count is reached.
    private static readonly string[] Sentences =
    [
        "I have started writing this letter many times, and every time I stopped because I was afraid of getting it wrong.",
        "I lied to you about where I was on those Thursday evenings, and I kept lying when you asked me directly.",
        "I'm sorry, but I was under so much pressure at work that it just happened.",
        "You made me feel so alone that I went looking for attention elsewhere.",
        "It was only a few messages, nothing physical, and it didn't mean anything.",
        "I know my lying made you doubt your own memory, and I understand why you can't trust what I say right now.",
        "I'm sorry if you felt hurt by what I did, and I'm sorry you feel that way.",
        "Mistakes were made and trust was damaged, and I think we both need to move on.",
        "I will tell you the truth even when it is uncomfortable, and I will stop deleting my messages.",
        "If you hadn't been so cold to me, I would never have done it.",
        "When you are ready, I hope you can forgive me. I will keep showing up, week after week.",
        "I want to make this right: I'll go to therapy and answer any question you have, as many times as you need.",
        "Honestly it's not a big deal compared to what other people do.",
        "I broke our agreement and I regret it deeply. It was my choice and my fault, and nobody else's.",
        "I watched you stop laughing at dinner, and I see how it has made you anxious every time my phone lights up.",
        "Can we just put this behind us already? You need to forgive me and move on.",
    ];

    public static string Build(int words)
    {
        var text = new System.Text.StringBuilder();
        var count = 0;
        for (var i = 0; count < words; i++)
        {
            var sentence = Sentences[i % Sentences.Length];
            text.Append(sentence).Append(i % 5 == 4 ? "\n\n" : " ");
            count += sentence.Split(' ').Length;
        }

        return text.ToString();
    }
}
