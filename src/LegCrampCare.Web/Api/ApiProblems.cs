using LegCrampCare.Core.Common;

namespace LegCrampCare.Web.Api;

/// <summary>
/// Every API error as application/problem+json (RFC 9457): a title, a plain detail, and for bad input each field (as the
/// JSON names it) with what is allowed. Never what she sent, never health data.
/// </summary>
public static class ApiProblems
{
    public static IResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult NotFound() =>
        Status(StatusCodes.Status404NotFound, "Not found", "There is nothing at this address in your log.");

    /// <summary>A 400 naming each field; <paramref name="jsonNames"/>: the fields are already named as the JSON names them.</summary>
    public static IResult Invalid(IReadOnlyList<FieldError> errors, bool jsonNames = false) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => jsonNames ? e.Field : JsonField(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
            detail: "Some fields need changing; nothing was saved. Each field below says what is allowed.",
            title: "Some fields need changing");

    /// <summary>A service outcome that is not OK, as its problem.</summary>
    public static IResult From<T>(ServiceResult<T> result) => result.Status switch
    {
        ResultStatus.NotFound => NotFound(),
        ResultStatus.Invalid => Invalid(result.Errors),
        ResultStatus.Conflict => Status(StatusCodes.Status409Conflict, "Conflict", (result.Errors.Count > 0 ? result.Errors[0].Message : "It was changed meanwhile; nothing was saved.")),
        _ => throw new InvalidOperationException("Not an error: " + result.Status),
    };

    /// <summary>
    /// A service's field name as the API's JSON names it: "Answers.ChestPain" → "answers.chestPain"; the wall-clock start
    /// the services check is the API's "startedAt", and an episode id is the address's "id".
    /// </summary>
    public static string JsonField(string field) => field switch
    {
        "StartedAtLocal" or "Details.StartedAtLocal" => "startedAt",
        "EpisodeId" => "id",
        "" => "",
        _ => string.Join('.', field.Replace("Details.", "", StringComparison.Ordinal).Split('.')
            .Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..])),
    };
}
