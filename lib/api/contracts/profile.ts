// Contracts of this resource are added here.
export {};
