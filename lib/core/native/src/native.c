// Strongroom's native helpers, for the restore and backup workers (lib/core/repository):
//  - gcmOpen: AES-256-GCM decryption into a buffer the caller owns (may be the input itself).
//    node:crypto's Decipher.update allocates a new zero-filled buffer per call and then copies it
//    into a second one (GCM's output is one byte shorter than it reserves), so a restore left
//    ~1 GB of garbage per GB restored for the collector, and its memory peak was that garbage.
//  - gcmSeal: the encrypting twin, for the pack worker.
//  - dropPages: hands the whole pages inside a scratch buffer back to the kernel while the buffer
//    is kept for reuse. A pooled buffer otherwise stays resident at the size of the largest chunk
//    it ever held, and a dropped one stays resident until a collection frees it, which the
//    backup's small heaps seldom need.
// OpenSSL comes from the node binary itself, which exports its symbols to addons.
#include <node_api.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NONCE_BYTES 12
#define TAG_BYTES 16
#define KEY_BYTES 32

typedef struct {
  unsigned char* data;
  size_t length;
} bytes_t;

static int get_bytes(napi_env env, napi_value value, bytes_t* out) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  void* data;
  if (napi_get_typedarray_info(env, value, &type, &out->length, &data, &buffer, &offset) != napi_ok || type != napi_uint8_array) {
    napi_throw_type_error(env, NULL, "expected a Uint8Array");
    return 0;
  }
  out->data = data;
  return 1;
}

static napi_value number(napi_env env, double value) {
  napi_value result;
  napi_create_double(env, value, &result);
  return result;
}

// Runs one AES-256-GCM pass. encrypt: in -> out, tag written; decrypt: in -> out, tag checked.
// Returns 1 on success, 0 when a decryption does not authenticate (out then holds garbage).
static int gcm(int encrypt, const bytes_t* key, const bytes_t* nonce, const bytes_t* aad, const bytes_t* in, unsigned char* out, unsigned char* tag) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  int len = 0, ok = ctx != NULL;
  ok = ok && EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL, encrypt) == 1;
  ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, NONCE_BYTES, NULL) == 1;
  ok = ok && EVP_CipherInit_ex(ctx, NULL, NULL, key->data, nonce->data, encrypt) == 1;
  ok = ok && (aad->length == 0 || EVP_CipherUpdate(ctx, NULL, &len, aad->data, (int)aad->length) == 1);
  ok = ok && (in->length == 0 || EVP_CipherUpdate(ctx, out, &len, in->data, (int)in->length) == 1);
  if (!encrypt) ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, TAG_BYTES, tag) == 1;
  ok = ok && EVP_CipherFinal_ex(ctx, out + len, &len) == 1;
  if (encrypt) ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, TAG_BYTES, tag) == 1;
  EVP_CIPHER_CTX_free(ctx);
  return ok;
}

static int check_sizes(napi_env env, const bytes_t* key, const bytes_t* nonce, size_t in, size_t out) {
  if (key->length != KEY_BYTES || nonce->length != NONCE_BYTES) {
    napi_throw_range_error(env, NULL, "key must be 32 bytes and nonce 12");
    return 0;
  }
  if (in > 0x7fffffff || out < in) {
    napi_throw_range_error(env, NULL, "output buffer too small (or input over 2 GiB)");
    return 0;
  }
  return 1;
}

enum { KEY, NONCE, AAD, INPUT, OUTPUT, ARGS };

// The five byte arguments both functions take: key, nonce, aad, input, output.
static int get_args(napi_env env, napi_callback_info info, bytes_t args[ARGS]) {
  size_t argc = ARGS;
  napi_value argv[ARGS];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < ARGS) {
    napi_throw_type_error(env, NULL, "expected key, nonce, aad, input and output");
    return 0;
  }
  for (size_t i = 0; i < ARGS; i++) {
    if (!get_bytes(env, argv[i], &args[i])) return 0;
  }
  return 1;
}

// gcmOpen(key, nonce, aad, sealed, out): sealed = ciphertext || 16-byte tag. Writes the plaintext
// to out (which may be sealed itself) and returns its length, or -1 when it does not authenticate.
static napi_value GcmOpen(napi_env env, napi_callback_info info) {
  bytes_t a[ARGS];
  if (!get_args(env, info, a)) return NULL;
  if (a[INPUT].length < TAG_BYTES) return number(env, -1);
  bytes_t body = { a[INPUT].data, a[INPUT].length - TAG_BYTES };
  if (!check_sizes(env, &a[KEY], &a[NONCE], body.length, a[OUTPUT].length)) return NULL;
  // The tag is read before decrypting: in place, the output runs right up to it.
  unsigned char tag[TAG_BYTES];
  memcpy(tag, body.data + body.length, TAG_BYTES);
  return number(env, gcm(0, &a[KEY], &a[NONCE], &a[AAD], &body, a[OUTPUT].data, tag) ? (double)body.length : -1);
}

// gcmSeal(key, nonce, aad, plain, out): writes ciphertext || tag to out (plain.length + 16 bytes;
// out may start at plain itself when it has room for the tag) and returns that length.
static napi_value GcmSeal(napi_env env, napi_callback_info info) {
  bytes_t a[ARGS];
  if (!get_args(env, info, a)) return NULL;
  const bytes_t plain = a[INPUT], out = a[OUTPUT];
  if (!check_sizes(env, &a[KEY], &a[NONCE], plain.length + TAG_BYTES, out.length)) return NULL;
  if (!gcm(1, &a[KEY], &a[NONCE], &a[AAD], &plain, out.data, out.data + plain.length)) {
    napi_throw_error(env, NULL, "AES-256-GCM encryption failed");
    return NULL;
  }
  return number(env, (double)(plain.length + TAG_BYTES));
}

// dropPages(bytes): madvise(MADV_DONTNEED) on the whole pages inside bytes; they read as zeros
// when next touched (private anonymous memory: malloc'd and array-buffer memory alike). Bytes in
// the partial pages at either end are untouched. Returns how many bytes were dropped.
static napi_value DropPages(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  bytes_t b;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1) {
    napi_throw_type_error(env, NULL, "expected a Uint8Array");
    return NULL;
  }
  if (!get_bytes(env, argv[0], &b)) return NULL;
  const uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  const uintptr_t start = ((uintptr_t)b.data + page - 1) & ~(page - 1);
  const uintptr_t end = ((uintptr_t)b.data + b.length) & ~(page - 1);
  if (b.length == 0 || end <= start) return number(env, 0);
  if (madvise((void*)start, end - start, MADV_DONTNEED) != 0) {
    napi_throw_error(env, NULL, "madvise(MADV_DONTNEED) failed");
    return NULL;
  }
  return number(env, (double)(end - start));
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    { "gcmOpen", NULL, GcmOpen, NULL, NULL, NULL, napi_default, NULL },
    { "gcmSeal", NULL, GcmSeal, NULL, NULL, NULL, napi_default, NULL },
    { "dropPages", NULL, DropPages, NULL, NULL, NULL, napi_default, NULL },
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
