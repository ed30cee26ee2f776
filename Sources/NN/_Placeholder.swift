// NN: in progress
