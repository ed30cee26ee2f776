/// The primitives the tape records. Inputs are tape positions.
enum Op {
    case constant
    case parameter(ParameterTensor)
    case matmul(Int, Int, transposeA: Bool, transposeB: Bool)
    case add(Int, Int)
    case subtract(Int, Int)
    case multiply(Int, Int)
    case addBias(Int, bias: Int)
    case activation(Int, Activation)
    case linear(input: Int, weight: Int, bias: Int?, Activation)
    case softmaxCrossEntropy(Int, labelsStart: Int)
    case meanSquaredError(Int, target: Int, halved: Bool)
    case sum(Int)
    case mean(Int)
}
