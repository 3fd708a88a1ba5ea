/** The generator type network helpers share with programs (they yield the same syscalls). */
import type { Syscall, SyscallResult } from '../runtime/process';

export type Gen<T> = Generator<Syscall, T, SyscallResult>;
