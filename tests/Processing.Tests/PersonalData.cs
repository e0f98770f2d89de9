using System.Text;

namespace Processing.Tests;

/// <summary>Random personal data of the shapes the redact stage promises to find, and digit runs it must leave alone.</summary>
sealed class PersonalData(int seed)
{
    const string Letters = "abcdefghijklmnopqrstuvwxyz";
    const string LocalChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-";
    const string DomainChars = "abcdefghijklmnopqrstuvwxyz0123456789-";

    /// <summary>Card layouts by length, as issuers print them (each starts with a group of four).</summary>
    static readonly Dictionary<int, int[]> Layouts = new()
    {
        [13] = [4, 3, 3, 3], [14] = [4, 6, 4], [15] = [4, 6, 5], [16] = [4, 4, 4, 4], [17] = [4, 4, 4, 5], [18] = [4, 4, 4, 6], [19] = [4, 4, 4, 4, 3],
    };

    readonly Random _random = new(seed);

    public string Email()
    {
        var local = new StringBuilder().Append(Pick(Letters));
        for (var i = _random.Next(0, 15); i > 0; i--) local.Append(Pick(LocalChars));
        var labels = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(Letters) + Word(DomainChars, 0, 10).TrimEnd('-'));
        return $"{local}@{string.Join('.', labels)}.{Word(Letters, 2, 6)}";
    }

    public string Ipv4() => string.Join('.', Enumerable.Range(0, 4).Select(_ => _random.Next(0, 256)));

    /// <summary>A Luhn-valid number of 13–19 digits, written plain or grouped with spaces or dashes.</summary>
    public string Card()
    {
        var length = _random.Next(13, 20);
        var digits = Digits(length - 1, firstNonZero: true);
        var number = digits + LuhnCheckDigit(digits);
        return _random.Next(3) switch
        {
            0 => number,
            1 => Grouped(number, ' '),
            _ => Grouped(number, '-'),
        };
    }

    /// <summary>A number of 13–19 digits whose check digit is wrong, like an order number.</summary>
    public string NotACard()
    {
        var digits = Digits(_random.Next(12, 19), firstNonZero: true);
        var wrong = (LuhnCheckDigit(digits) - '0' + _random.Next(1, 10)) % 10;
        return digits + (char)('0' + wrong);
    }

    public string ShortNumber() => _random.Next(0, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Words() => string.Join(' ', Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Word(Letters, 1, 8)));

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public int Next(int below) => _random.Next(below);

    string Grouped(string number, char separator)
    {
        var groups = new List<string>();
        var at = 0;
        foreach (var size in Layouts[number.Length])
        {
            groups.Add(number.Substring(at, size));
            at += size;
        }
        return string.Join(separator, groups);
    }

    string Digits(int count, bool firstNonZero)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append((char)('0' + (i == 0 && firstNonZero ? _random.Next(1, 10) : _random.Next(10))));
        return text.ToString();
    }

    static char LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0 && (digit *= 2) > 9) digit -= 9; // the check digit will sit to the right, so the last digit here is doubled
            sum += digit;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    char Pick(string chars) => chars[_random.Next(chars.Length)];

    string Word(string chars, int min, int max)
    {
        var text = new StringBuilder();
        for (var i = _random.Next(min, max + 1); i > 0; i--) text.Append(Pick(chars));
        return text.ToString();
    }
}
