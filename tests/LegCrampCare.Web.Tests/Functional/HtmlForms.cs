using System.Net;
using System.Text.RegularExpressions;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>Fills in the app's server-rendered forms over HTTP, the way a browser without scripts would.</summary>
internal static partial class HtmlForms
{
    /// <summary>Opens <paramref name="path"/>, then posts its form <paramref name="formName"/> with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{path} has no anti-forgery token.");
        var values = fields
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("_handler", formName))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Signs in through the sign-in page; the client keeps the cookie.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var response = await SubmitAsync(client, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {response.StatusCode}");
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
