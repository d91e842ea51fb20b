/** The few passwords people pick first; refused whatever their length. */
const COMMON = new Set([
  'password123', 'password1234', 'qwerty12345', '1234567890a', 'admin12345', 'admin123456', 'bismillah123',
  'indonesia123', 'indonesia45', 'merdeka1945', 'pemasyarakatan1', 'giatja12345', 'lapas123456', 'rutan123456',
]);

export type PasswordProblem = 'password_weak' | 'password_common';

/** Password rule: ≥ 10 characters, letters and digits, not the username, not a common one. */
export function passwordProblem(password: string, username?: string): PasswordProblem | undefined {
  if (password.length < 10 || !/[a-zA-Z]/.test(password) || !/\d/.test(password)) return 'password_weak';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'password_weak';
  if (COMMON.has(password.toLowerCase())) return 'password_common';
  return undefined;
}
