/// A dataset as it is shipped: a training set, an optional held-out test set, and a description
/// to show users (where it came from, how it was preprocessed).
public struct DataSplit: Sendable {
    /// A short name, such as `fashion-mnist` or `airfoil`.
    public var name: String
    /// One line saying what the data are and how they were prepared.
    public var description: String
    /// The examples to train on.
    public var train: Dataset
    /// Held-out examples to evaluate on, when the source provides them.
    public var test: Dataset?

    public init(name: String, description: String, train: Dataset, test: Dataset? = nil) {
        self.name = name
        self.description = description
        self.train = train
        self.test = test
    }

    /// Whether the split is for classification (with how many classes) or regression.
    public var task: DatasetTask { train.task }
}
