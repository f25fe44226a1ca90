// keytar is an optional dependency: on a machine without libsecret it is not installed, and
// the type check must still pass. The module is read through the local Keytar interface.
declare module 'keytar';
