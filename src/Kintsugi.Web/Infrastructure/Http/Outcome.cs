namespace Kintsugi.Web.Infrastructure.Http;

/// <summary>
/// What a use case hands back to its page and its API endpoint: a value, or one of the few ways
/// it can fail. Errors are keyed by the request's property name so that a page shows each one
/// next to its field; the key "" is for the form as a whole.
/// </summary>
internal readonly record struct Outcome<T>
{
    public T? Value { get; private init; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; private init; }

    public TimeSpan? RetryAfter { get; private init; }

    public bool IsNotFound { get; private init; }

    /// <summary>Someone else changed the item since the caller read it (SECURITY.md F3); never a silent overwrite.</summary>
    public string? Conflict { get; private init; }

    public bool Succeeded => Errors is null && RetryAfter is null && !IsNotFound && Conflict is null;

    public static Outcome<T> Ok(T value) => new() { Value = value };

    public static Outcome<T> Invalid(string field, string message) => new() { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new() { Errors = errors };

    public static Outcome<T> Throttled(TimeSpan retryAfter) => new() { RetryAfter = retryAfter };

    public static Outcome<T> NotFound() => new() { IsNotFound = true };

    public static Outcome<T> Conflicted(string message) => new() { Conflict = message };

    /// <summary>The same failure, for a use case that returns a different value.</summary>
    public Outcome<TOther> Failure<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a failed outcome can be passed on.")
        : new Outcome<TOther> { Errors = Errors, RetryAfter = RetryAfter, IsNotFound = IsNotFound, Conflict = Conflict };

    /// <summary>The API's answer: <paramref name="success"/> for a value, ProblemDetails for any failure.</summary>
    public IResult ToResult(Func<T, IResult> success) => Succeeded ? success(Value!) : ToProblem();

    /// <summary>The API's answer for any failure; success is left to the endpoint.</summary>
    public IResult ToProblem() => this switch
    {
        { RetryAfter: { } wait } => TooManyRequests.Problem(wait),
        { IsNotFound: true } => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        { Conflict: { } message } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile", detail: message),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key.Length == 0 ? "request" : e.Key, e => e.Value)),
        _ => throw new InvalidOperationException("A successful outcome is not a problem."),
    };
}

/// <summary>For use cases whose success carries no value.</summary>
internal readonly record struct Done;
