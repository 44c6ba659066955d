/// The storage of a value type that shares its fields between copies until one of them changes
/// (copy on write): copying the value is then one retain, however many fields it has.
protocol SharedStorage: AnyObject {
    /// A new storage holding the same fields.
    func copy() -> Self
}

extension SharedStorage {
    /// `storage` itself when no other value holds it, else a copy put in its place: the only way a value
    /// should reach its storage to change a field.
    static func unique(_ storage: inout Self) -> Self {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }
}
