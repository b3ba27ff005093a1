using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;
using Microsoft.Net.Http.Headers;

namespace LegCrampCare.Web.Api;

/// <summary>
/// The API's JSON: camelCase names, enums as camelCase words (never numbers), unknown members refused, and a body read
/// strictly — the right content type (415), at most <see cref="MaxBodyBytes"/> (413), well-formed and of the right types
/// (400 naming the field from its path and saying what is allowed).
/// </summary>
public static class ApiJson
{
    /// <summary>The largest body any endpoint takes: a cramp with the longest note is under 20 KB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.MaxDepth = 16;
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new ExactEnumConverterFactory());
        options.Converters.Add(new RuleIdConverter());
    }

    /// <summary>Reads the body as <typeparamref name="T"/>, or answers with the problem that stops it.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, JsonSerializerOptions options)
        where T : class
    {
        var request = http.Request;
        if (!IsJson(request.ContentType))
        {
            return (null, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON",
                "This address takes a JSON body: set the Content-Type header to application/json (UTF-8)."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, ApiProblems.Invalid([new("", "The body is empty: send a JSON object.")], jsonNames: true));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return value is null
                ? (null, ApiProblems.Invalid([new("", "The body is null: send a JSON object.")], jsonNames: true))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Invalid([Describe<T>(ex, options)], jsonNames: true));
        }
    }

    private static IResult TooLarge() => ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large",
        $"A request body can be at most {MaxBodyBytes / 1024} KB.");

    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The field a JSON error is about (from the reader's path: "$.answers.chestPain" → "answers.chestPain") and what
    /// that field allows, worked out from the target type, so that the message never quotes what she sent.
    /// </summary>
    public static Core.Common.FieldError Describe<T>(JsonException ex, JsonSerializerOptions options)
    {
        var path = ex.Path ?? "$";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path == "$" ? "" : path.TrimStart('$');
        field = StripIndexes(field);
        if (ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            // The path ends at the unknown member; its parent names the allowed ones.
            var parent = field.Contains('.', StringComparison.Ordinal) ? field[..field.LastIndexOf('.')] : "";
            var allowed = MembersOf(TypeAt(typeof(T), parent, options), options);
            return new(field, $"'{field}' is not a field here. Allowed: {string.Join(", ", allowed)}.");
        }

        var type = TypeAt(typeof(T), field, options);
        if (type is null)
        {
            return new(field, field.Length == 0 ? "The body is not valid JSON: send one JSON object." : $"'{field}' is not valid JSON here.");
        }

        return new(field, field.Length == 0 ? $"The body must be {Expected(type, options)}." : $"'{field}' must be {Expected(type, options)}.");
    }

    private static string StripIndexes(string field)
    {
        var builder = new System.Text.StringBuilder(field.Length);
        var depth = 0;
        foreach (var c in field)
        {
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The .NET type a JSON path (camelCase names, indexes stripped) points at inside <paramref name="root"/>.</summary>
    private static Type? TypeAt(Type? root, string field, JsonSerializerOptions options)
    {
        var type = root;
        if (field.Length == 0)
        {
            return type;
        }

        foreach (var name in field.Split('.'))
        {
            type = ElementOf(type);
            var property = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(JsonName(p, options), name, StringComparison.Ordinal));
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    private static Type? ElementOf(Type? type)
    {
        if (type is null || type == typeof(string))
        {
            return type;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var list = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return list ?? type;
    }

    private static string JsonName(PropertyInfo p, JsonSerializerOptions options) =>
        p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name;

    private static IEnumerable<string> MembersOf(Type? type, JsonSerializerOptions options)
    {
        type = ElementOf(type);
        return type is null ? [] : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => JsonName(p, options));
    }

    /// <summary>What a value of this type must look like, in words.</summary>
    public static string Expected(Type type, JsonSerializerOptions options)
    {
        var nullable = Nullable.GetUnderlyingType(type) is not null || !type.IsValueType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var orNull = nullable && type != typeof(string) ? " (or null)" : "";
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n));
            return $"one of: {string.Join(", ", names.Select(n => $"\"{n}\""))}{orNull}";
        }

        if (type == typeof(string))
        {
            return "text (a JSON string)";
        }

        if (type == typeof(Guid))
        {
            return $"a UUID as a string, e.g. \"0b0f2a6e-6a57-4c1e-9d8a-0d2e6f1c9a11\"{orNull}";
        }

        if (type == typeof(DateTimeOffset))
        {
            return $"a date and time with its offset, e.g. \"2026-12-07T03:10:00+00:00\"{orNull}";
        }

        if (type == typeof(DateTime))
        {
            return $"a date and time, e.g. \"2026-12-07T03:10:00\"{orNull}";
        }

        if (type == typeof(DateOnly))
        {
            return $"a date, e.g. \"2026-12-07\"{orNull}";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return $"a whole number{orNull}";
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return $"a number{orNull}";
        }

        if (type == typeof(bool))
        {
            return $"true or false{orNull}";
        }

        if (ElementOf(type) is { } element && element != type)
        {
            return $"a list of {Expected(element, options).Replace(" (or null)", "", StringComparison.Ordinal)}{orNull}";
        }

        return $"a JSON object with the fields: {string.Join(", ", MembersOf(type, options))}{orNull}";
    }

    /// <summary>
    /// Enums as their camelCase names, read exactly: no numbers, no other case, no spaces, no comma-joined flags (the
    /// framework's converter accepts all of those, so "LEFT " would be a side).
    /// </summary>
    private sealed class ExactEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert != typeof(RuleId);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ExactEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class ExactEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && ByName.TryGetValue(name, out var value)
                ? value
                : throw new JsonException($"Not a {typeof(T).Name}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));
    }

    /// <summary>Rule ids as clinicians and the case files write them ("UR-2").</summary>
    private sealed class RuleIdConverter : JsonConverter<RuleId>
    {
        public override RuleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            RuleIds.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Unknown rule id.");

        public override void Write(Utf8JsonWriter writer, RuleId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToCode());
    }
}
