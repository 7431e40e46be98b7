using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kintsugi.Tests.Infrastructure;

public static partial class Responses
{
    /// <summary>Status, content type and body with the per-request trace id removed: what an observer could compare.</summary>
    public static async Task<string> ObservableAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {TraceId().Replace(await response.Content.ReadAsStringAsync(), "")}";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The messages a ValidationProblem gives for one field (camelCase name, or "request").</summary>
    public static async Task<string[]> ErrorsForAsync(HttpResponseMessage response, string field)
    {
        var json = await JsonAsync(response);
        return json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? [.. messages.EnumerateArray().Select(m => m.GetString()!)]
            : [];
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
