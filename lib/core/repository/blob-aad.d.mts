import type { BlobType } from "./types";

export declare const TYPE_BYTE: Readonly<Record<BlobType, number>>;
export declare function blobAad(type: BlobType, id: string, method: number): Buffer;
