using System.Globalization;

namespace LineaHub.Schemas.Anonymisation;

/// <summary>
/// Where a contact came from, coarse enough not to point at a household: the municipality's ISTAT code and a cell of
/// a grid of about 500 m × 500 m. Cells are fixed (not centred on the point), so every office computes the same cell
/// for the same place and analysts can add cells up.
/// </summary>
/// <param name="IstatCode">Six-digit ISTAT code of the municipality.</param>
/// <param name="Cell">Grid cell, <c>rows:columns</c> counted from the equator and the Greenwich meridian; null without coordinates.</param>
public sealed record CoarseArea(string IstatCode, string? Cell)
{
    /// <summary>Side of a cell, in metres (north–south exactly; east–west at the cell's latitude).</summary>
    public const double CellMetres = 500;

    private const double MetresPerDegreeLatitude = 111_320;

    /// <summary>The area of a point in a municipality; without coordinates, the municipality alone.</summary>
    /// <exception cref="ArgumentException">The ISTAT code is not six digits, or the coordinates are out of range.</exception>
    public static CoarseArea Of(string istatCode, double? latitude = null, double? longitude = null)
    {
        ArgumentNullException.ThrowIfNull(istatCode);
        if (istatCode.Length != 6 || !istatCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An ISTAT municipality code has six digits.", nameof(istatCode));
        }

        if (latitude is null || longitude is null)
        {
            return new CoarseArea(istatCode, null);
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || double.IsNaN(latitude.Value) || double.IsNaN(longitude.Value))
        {
            throw new ArgumentException("Latitude must be within ±90° and longitude within ±180°.", nameof(latitude));
        }

        var rowHeight = CellMetres / MetresPerDegreeLatitude;
        var row = (long)Math.Floor(latitude.Value / rowHeight);

        // Columns are as wide as 500 m at the row's own latitude (its southern edge), so a cell stays about square.
        var rowLatitude = row * rowHeight * Math.PI / 180;
        var columnWidth = CellMetres / (MetresPerDegreeLatitude * Math.Max(Math.Cos(rowLatitude), 1e-6));
        var column = (long)Math.Floor(longitude.Value / columnWidth);
        return new CoarseArea(istatCode, string.Create(CultureInfo.InvariantCulture, $"{row}:{column}"));
    }
}
