// libFuzzer harness: any bytes as a CSV file, read strictly and with bad rows skipped.
// Errors must render; a loaded dataset must hold what its shape promises (every column one value
// per row, every text code inside its dictionary), which the engine indexes without checks.

import TallyData
import TallyDiagnostics

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for skip in [false, true] {
        do {
            let load = try CSVReader.parse(bytes: bytes, fileName: "fuzz.csv", name: "fuzz", options: CSVOptions(skipBadRows: skip))
            for column in load.dataset.columns {
                precondition(column.count == load.dataset.rowCount, "column \(column.name) has \(column.count) values")
                if case .text(let codes, let dictionary) = column.storage {
                    precondition(codes.allSatisfy { $0 >= -1 && Int($0) < dictionary.count }, "text code outside the dictionary")
                }
            }
        } catch {
            _ = DiagnosticRenderer(color: false).render(error.diagnostic())
        }
    }
    return 0
}
