using Microsoft.AspNetCore.Components.Forms;

namespace Kintsugi.Web.Infrastructure.Http;

/// <summary>Shows a use case's errors next to the fields of a Blazor form (STYLE.md §6).</summary>
internal sealed class FormErrors
{
    private readonly EditContext context;
    private readonly ValidationMessageStore store;

    public FormErrors(EditContext context)
    {
        this.context = context;
        store = new ValidationMessageStore(context);
        context.OnValidationRequested += (_, _) => store.Clear();
        context.OnFieldChanged += (_, e) => store.Clear(e.FieldIdentifier);
    }

    /// <summary>Messages for the form as a whole (key ""), shown above the fields.</summary>
    public IReadOnlyList<string> General { get; private set; } = [];

    /// <summary>
    /// Shows a failed outcome on the form (and answers 429 with Retry-After when throttled);
    /// true when the outcome succeeded and the page may go on.
    /// </summary>
    public bool Accept<T>(Outcome<T> outcome, HttpContext http)
    {
        if (outcome.RetryAfter is { } wait)
        {
            TooManyRequests.SetHeaders(http.Response, wait);
            Show(new Dictionary<string, string[]> { [""] = [TooManyRequests.Message(wait)] });
            return false;
        }

        if (outcome.Conflict is { } conflict)
        {
            Show(new Dictionary<string, string[]> { [""] = [conflict] });
            return false;
        }

        if (outcome.IsNotFound)
        {
            Show(new Dictionary<string, string[]> { [""] = ["This is no longer available. Reload the page and try again."] });
            return false;
        }

        Show(outcome.Errors);
        return outcome.Errors is null;
    }

    public void Show(IReadOnlyDictionary<string, string[]>? errors)
    {
        store.Clear();
        General = [];
        if (errors is null)
        {
            return;
        }

        foreach (var (field, messages) in errors)
        {
            if (field.Length == 0)
            {
                General = [.. General, .. messages];
            }
            else
            {
                store.Add(context.Field(field), messages);
            }
        }

        context.NotifyValidationStateChanged();
    }
}
