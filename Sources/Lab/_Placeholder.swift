// Lab: in progress
