// What a data file's name says: whether it is a dataset, the dataset's name, and its delimiter.

/// The endings that make a file a dataset: CSV and tab-separated, gzip-compressed or not.
public enum DataFileName {
    /// Longest first, so `orders.csv.gz` is seen as `.csv.gz`, not `.gz`.
    public static let suffixes = [".csv.gz", ".tsv.gz", ".csv", ".tsv"]

    /// The data ending of a file name (any letter case), or nil when it is not a data file.
    public static func suffix(of file: String) -> String? {
        let lower = file.lowercased()
        return suffixes.first { lower.hasSuffix($0) && lower.count > $0.count }
    }

    /// `customers.csv` → `customers`, `orders.csv.gz` → `orders` (the last path component, its ending dropped).
    public static func datasetName(forFile path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return suffix(of: file).map { String(file.dropLast($0.count)) } ?? file
    }

    /// Tabs for a `.tsv` file (compressed or not); nil when the header line must tell.
    static func delimiter(of path: String) -> UInt8? {
        suffix(of: path)?.hasPrefix(".tsv") == true ? UInt8(ascii: "\t") : nil
    }
}
