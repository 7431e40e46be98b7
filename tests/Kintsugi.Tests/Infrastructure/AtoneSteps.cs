using System.Net;
using System.Text.Json;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>
/// The steps of the Atone stage (letters of accountability and answers to them, repair commitments
/// with their log, honest answers), through the JSON API. Like <see cref="SpaceSteps"/>, each step
/// asserts the answer it expects.
/// </summary>
public static class AtoneSteps
{
    // Letters

    public static string Letters(Guid spaceId) => $"/api/v1/spaces/{spaceId}/letters";

    public static string Letter(Guid spaceId, Guid letterId) => $"/api/v1/spaces/{spaceId}/letters/{letterId}";

    public static Task<HttpResponseMessage> TryWriteLetterAsync(this AppClient client, Guid spaceId, object body) =>
        client.PostJsonAsync(Letters(spaceId), body);

    /// <summary>Starts a letter (private unless told otherwise); returns its id.</summary>
    public static async Task<Guid> WriteLetterAsync(this AppClient client, Guid spaceId, string text, string audience = "onlyMe")
    {
        var response = await client.TryWriteLetterAsync(spaceId, new { text, audience });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal(Letter(spaceId, id), response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>One letter as this person may see it (asserts 200).</summary>
    public static Task<JsonElement> LetterAsync(this AppClient client, Guid spaceId, Guid letterId) =>
        client.GetJsonAsync(Letter(spaceId, letterId));

    public static Task<HttpResponseMessage> TrySaveLetterAsync(this AppClient client, Guid spaceId, Guid letterId, string text, int version) =>
        client.PutJsonAsync(Letter(spaceId, letterId), new { text, version });

    /// <summary>Saves a new draft from the version given; returns (version, draft number).</summary>
    public static async Task<(int Version, int Draft)> SaveLetterAsync(this AppClient client, Guid spaceId, Guid letterId, string text, int version)
    {
        var response = await client.TrySaveLetterAsync(spaceId, letterId, text, version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await Responses.JsonAsync(response);
        return (saved.GetProperty("version").GetInt32(), saved.GetProperty("draft").GetInt32());
    }

    /// <summary>Chooses who reads one's letter; returns its new version.</summary>
    public static async Task<int> ShareLetterAsync(this AppClient client, Guid spaceId, Guid letterId, string audience)
    {
        var response = await client.PutJsonAsync(Letter(spaceId, letterId) + "/audience", new { audience });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("version").GetInt32();
    }

    /// <summary>The openings of the letters this person can read, newest first.</summary>
    public static async Task<IReadOnlyList<string>> LetterOpeningsAsync(this AppClient client, Guid spaceId)
    {
        var items = await client.GetJsonAsync(Letters(spaceId));
        return [.. items.EnumerateArray().Select(i => i.GetProperty("opening").GetString()!)];
    }

    public static Task<HttpResponseMessage> TryRespondAsync(this AppClient client, Guid spaceId, Guid letterId, string text, string audience = "onlyMe") =>
        client.PostJsonAsync(Letter(spaceId, letterId) + "/responses", new { text, audience });

    /// <summary>Answers a letter; returns the journal entry's id.</summary>
    public static async Task<Guid> RespondAsync(this AppClient client, Guid spaceId, Guid letterId, string text, string audience = "onlyMe")
    {
        var response = await client.TryRespondAsync(spaceId, letterId, text, audience);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/spaces/{spaceId}/journal/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    // Commitments

    public static string Commitments(Guid spaceId) => $"/api/v1/spaces/{spaceId}/commitments";

    public static string Commitment(Guid spaceId, Guid commitmentId) => $"/api/v1/spaces/{spaceId}/commitments/{commitmentId}";

    public static Task<HttpResponseMessage> TryMakeCommitmentAsync(this AppClient client, Guid spaceId, object body) =>
        client.PostJsonAsync(Commitments(spaceId), body);

    /// <summary>Makes a commitment; returns its id.</summary>
    public static async Task<Guid> MakeCommitmentAsync(this AppClient client, Guid spaceId, string what, string howOften = "eachTime", string audience = "onlyMe", string? howOftenWords = null)
    {
        var response = await client.TryMakeCommitmentAsync(spaceId, new { what, howOften, howOftenWords, audience });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
        Assert.Equal(Commitment(spaceId, id), response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>One commitment with its log, as this person may see it (asserts 200).</summary>
    public static Task<JsonElement> CommitmentAsync(this AppClient client, Guid spaceId, Guid commitmentId) =>
        client.GetJsonAsync(Commitment(spaceId, commitmentId));

    public static async Task ShareCommitmentAsync(this AppClient client, Guid spaceId, Guid commitmentId, string audience)
    {
        var response = await client.PutJsonAsync(Commitment(spaceId, commitmentId) + "/audience", new { audience });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>What each commitment this person can read says.</summary>
    public static async Task<IReadOnlyList<string>> CommitmentWhatsAsync(this AppClient client, Guid spaceId)
    {
        var items = await client.GetJsonAsync(Commitments(spaceId));
        return [.. items.EnumerateArray().Select(i => i.GetProperty("what").GetString()!)];
    }

    public static Task<HttpResponseMessage> TryLogAsync(this AppClient client, Guid spaceId, Guid commitmentId, object body) =>
        client.PostJsonAsync(Commitment(spaceId, commitmentId) + "/log", body);

    /// <summary>Logs a day of one's own commitment; returns the line's id.</summary>
    public static async Task<Guid> LogAsync(this AppClient client, Guid spaceId, Guid commitmentId, DateOnly day, bool kept, string? note = null)
    {
        var response = await client.TryLogAsync(spaceId, commitmentId, new { day = Day(day), kept, note });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> TryNoticeAsync(this AppClient client, Guid spaceId, Guid commitmentId, Guid lineId, bool noticed = true) =>
        client.PutJsonAsync($"{Commitment(spaceId, commitmentId)}/log/{lineId}/noticed", new { noticed });

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The app clock's date (UTC), the day the app calls "today".</summary>
    public static DateOnly Today(KintsugiApp app) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);

    // Honest answers

    public static string Questions(Guid spaceId) => $"/api/v1/spaces/{spaceId}/questions";

    public static Task<HttpResponseMessage> TryAskAsync(this AppClient client, Guid spaceId, object body) =>
        client.PostJsonAsync(Questions(spaceId), body);

    /// <summary>Asks a question (for the partners unless told otherwise); returns its id.</summary>
    public static async Task<Guid> AskAsync(this AppClient client, Guid spaceId, string text, string audience = "partners", bool forContainer = false)
    {
        var response = await client.TryAskAsync(spaceId, new { text, audience, forContainer });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>The questions this person can read, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> QuestionsAsync(this AppClient client, Guid spaceId) =>
        [.. (await client.GetJsonAsync(Questions(spaceId))).EnumerateArray()];

    public static async Task<JsonElement> QuestionAsync(this AppClient client, Guid spaceId, Guid questionId) =>
        (await client.QuestionsAsync(spaceId)).Single(q => q.GetProperty("id").GetGuid() == questionId);

    public static Task<HttpResponseMessage> TryAnswerQuestionAsync(this AppClient client, Guid spaceId, Guid questionId, string text, int version) =>
        client.PutJsonAsync($"{Questions(spaceId)}/{questionId}/answer", new { text, version });

    /// <summary>Answers (or rewrites one's answer to) a question; returns the answer's new version.</summary>
    public static async Task<int> AnswerQuestionAsync(this AppClient client, Guid spaceId, Guid questionId, string text, int version = 0)
    {
        var response = await client.TryAnswerQuestionAsync(spaceId, questionId, text, version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("version").GetInt32();
    }

    /// <summary>The account data export of this person (the password is the test one).</summary>
    public static async Task<JsonElement> ExportAsync(this AppClient client)
    {
        var response = await client.PostJsonAsync("/api/v1/account/export", new { password = AppClient.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
