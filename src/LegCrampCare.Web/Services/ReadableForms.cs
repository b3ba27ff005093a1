using System.Net;
using System.Text;

namespace LegCrampCare.Web.Services;

/// <summary>
/// A posted form that ASP.NET Core can't read (a value holding a null character, "%00", which its decoder refuses; a
/// form over the size limits) would otherwise get a bare "400 Bad Request" with an empty page. This reads the form
/// first, and when it can't, answers 400 with a page that names the field (when it can tell) and says what to do.
/// Nothing is stored: the page's own code never runs. Runs before anti-forgery, which reads the form too.
/// </summary>
public static class ReadableForms
{
    /// <summary>The form fields of the server-rendered pages, with the labels people see.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Input.Email"] = "Email",
        ["Input.Password"] = "Password",
        ["Input.ConfirmPassword"] = "Password again",
        ["Input.OldPassword"] = "Current password",
        ["Input.NewPassword"] = "New password",
        ["Input.Code"] = "Code",
        ["Input.RecoveryCode"] = "Recovery code",
        ["Email"] = "Email",
        ["StaffName"] = "Name",
        ["Roles"] = "Roles",
        ["Selected"] = "Roles",
    };

    public static IApplicationBuilder UseReadableForms(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || request.Path.StartsWithSegments("/_blazor"))
            {
                await next();
                return;
            }

            request.EnableBuffering();
            var readable = true;
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
            {
                // The framework's exception says only that it failed; the raw form says why.
                readable = false;
            }

            if (readable)
            {
                request.Body.Position = 0;
                await next();
                return;
            }

            request.Body.Position = 0;
            var (hasNull, field) = await FieldWithNullAsync(request);
            var message = hasNull
                ? (field is null ? "One of the fields" : field + ":") +
                  " contains a hidden null character, which can't be sent. Go back, type the text again (rather than pasting it), and try again."
                : "The form was too large to send. Go back, shorten what you typed, and try again.";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(message), context.RequestAborted);
        });

    /// <summary>Whether the raw form holds "%00", and the label of the first field whose name or value does (null when unknown).</summary>
    private static async Task<(bool HasNull, string? Field)> FieldWithNullAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.ASCII, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        foreach (var pair in body.Split('&'))
        {
            if (pair.Contains("%00", StringComparison.Ordinal))
            {
                var name = pair.Split('=')[0].Replace("%00", "", StringComparison.Ordinal);
                return (true, Labels.TryGetValue(WebUtility.UrlDecode(name), out var label) ? label : null);
            }
        }

        return (false, null);
    }

    private static string Page(string message) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>The form couldn't be read – LegCrampCare</title><link rel="stylesheet" href="/app.css" /></head>
        <body><main class="lcc-page"><h1>The form couldn't be read</h1>
        <p role="alert" class="lcc-error">{WebUtility.HtmlEncode(message)}</p>
        <p>Nothing was saved. Use your browser's Back button to return to the form, or <a href="/">open LegCrampCare</a>.</p></main></body>
        </html>
        """;
}
