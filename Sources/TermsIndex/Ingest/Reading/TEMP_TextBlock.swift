// TEMPORARY until the reading/repair branch lands.
public struct TextBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case heading(level: Int), paragraph, listItem }
    public var kind: Kind
    public var text: String
    public init(kind: Kind, text: String) { self.kind = kind; self.text = text }
}
