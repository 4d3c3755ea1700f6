// Browser-safe: the upload limit the forms check before sending (the server checks it again).

/** 10 MB: the limit of every upload (StoredFile_size_check says the same). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
