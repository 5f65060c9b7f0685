// Text as a dictionary key by its bytes.

/// Text compared and hashed by its UTF-8 bytes. Swift's `String` equality treats canonically
/// equivalent spellings ("é" as one character and as "e" plus an accent) as one value; Tally keeps
/// them apart, as databases do (DESIGN §4), so dictionaries of column values are keyed by this.
struct TextKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: TextKey, b: TextKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
