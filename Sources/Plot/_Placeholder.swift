// Plot: in progress
