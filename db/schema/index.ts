export * from "./organizations";
export * from "./users";
export * from "./auth";
export * from "./audit";
export * from "./files";
export * from "./mail";
export * from "./contacts";
