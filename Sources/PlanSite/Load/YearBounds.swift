/// The years PlanSite accepts. The calendar shows every year of the site's period and every
/// year an event falls in, and a calendar file describes its time zones over the years its
/// events use: each year is work. A plan runs for years, not centuries; a year outside these
/// bounds is a typo (`20299`, `2205`), refused at its line before it can make a build endless.
enum YearBounds {
    static let years = 1900...2200
    /// Years a `period` may span, first and last included.
    static let longestPeriod = 100

    static var description: String { "\(years.lowerBound) to \(years.upperBound)" }
}
