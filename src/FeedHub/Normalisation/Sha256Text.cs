using System.Security.Cryptography;
using System.Text;

namespace FeedHub.Normalisation;

/// <summary>SHA-256 of UTF-8 text as lowercase hex: the one digest used for hashes, fingerprints and ids.</summary>
internal static class Sha256Text
{
    public static string Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
