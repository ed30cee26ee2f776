import TensorCore

extension Activation {
    /// The activation with this name (`relu`, `sigmoid`, `tanh`, `identity`), case-insensitive.
    public init(parsing name: String) throws {
        guard let f = Activation(rawValue: name.lowercased()) else { throw ModelError.invalidActivation(name) }
        self = f
    }
}
