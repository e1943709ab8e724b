import Fluent
import SQLKit

extension SQLDataType {
    /// 8-byte floating point on both databases. SQLKit's `.real` is PostgreSQL's 4-byte REAL,
    /// whose 24-bit mantissa rounds a Unix time to about two minutes: leases would expire late
    /// and rate-limit buckets refill at random.
    static let float64 = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))
}
