// Explorer: in progress
