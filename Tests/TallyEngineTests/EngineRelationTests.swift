// Relation keys that a CSV file cannot hold: a text column of digits (the reader infers integers)
// and keys that differ only in their bytes (the reader merges them into one dictionary entry). The
// rest of many-to-one relations (missing, null and duplicated keys, text and decimal keys, filters
// and dimensions through a relation) is in the golden cases (dimensions.test), run on every engine.

import TallyData
import TallyDiagnostics
import Testing

@Suite struct EngineTextKeyTests {
    @Test func textForeignKeysFindIntegerKeys() throws {
        // Mixed key types match on their text: "17" finds customer 17.
        let customers = table("customers", ["id": .integer([17]), "plan": texts(["pro"])])
        let refs = table("refs", ["customer": texts(["17", "18"])])
        let f = Fixture(customers, refs, relations: [relation("refs", "customer", to: "customers", "id")])
        #expect(try f.rows("count(refs) as n by plan") == [[t("pro"), n(1)], [.null, n(1)]])
    }

    @Test func byteDistinctKeysAreDistinctKeys() throws {
        // "é" (U+00E9) and "e" + U+0301 are different code point sequences, so different keys
        // (as in PostgreSQL or DuckDB): not a duplicate, and each finds its own row.
        let keyed = table("accounts", ["code": texts(["\u{E9}", "e\u{301}"]), "tier": texts(["gold", "silver"])])
        let refs = table("events", ["account": texts(["e\u{301}"])])
        let f = Fixture(keyed, refs, relations: [relation("events", "account", to: "accounts", "code")])
        #expect(f.failure("count(events) by tier") == nil)
        #expect(try f.rows("count(events) as n by tier") == [[t("silver"), n(1)]])
    }
}
