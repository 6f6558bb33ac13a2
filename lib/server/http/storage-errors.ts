import { StorageError } from "../../core/storage/driver";
import { HttpError } from "./http-error";

/** The driver's error codes as protocol errors; anything else stays unknown (500, logged). */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof StorageError)) return error;
  switch (error.code) {
    case "not_found":
      return new HttpError("not_found", "no such object");
    case "out_of_range":
      return new HttpError("range_not_satisfiable", "range past the end of the object");
    case "invalid_key":
      return new HttpError("invalid_key", "invalid object name");
    case "no_space":
      return new HttpError("no_space", "the storage device is full: the object was not stored");
    default:
      return error;
  }
}
