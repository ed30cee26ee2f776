import Parallelism

/// `SubnormalFlushing` lives in `Parallelism` (the helper thread adopts its callers' mode); it is
/// named here too, for code that trains with TensorCore alone.
public typealias SubnormalFlushing = Parallelism.SubnormalFlushing
