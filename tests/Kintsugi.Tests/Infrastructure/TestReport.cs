namespace Kintsugi.Tests.Infrastructure;

/// <summary>Lines for test.sh's summary (the file named by KINTSUGI_TEST_REPORT), such as counts a reviewer checks.</summary>
public static class TestReport
{
    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        if (Environment.GetEnvironmentVariable("KINTSUGI_TEST_REPORT") is { Length: > 0 } path)
        {
            lock (Gate)
            {
                File.AppendAllLines(path, [line]);
            }
        }
    }
}
