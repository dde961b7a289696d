/**
 * `listen()` failures as one sentence naming the variable to change.
 */
import { AppError } from '../errors.js';

/**
 * Translate a listen error (EADDRINUSE, EADDRNOTAVAIL, ENOTFOUND, EACCES…).
 * @example listenError(err, '127.0.0.1', 3000).message // 'PORT=3000: cổng đang được … (EADDRINUSE) …'
 */
export function listenError(err: unknown, host: string, port: number): AppError {
  const code = (err as { code?: unknown } | null)?.code;
  const c = typeof code === 'string' ? code : 'UNKNOWN';
  let message: string;
  if (c === 'EADDRINUSE') {
    message = `PORT=${port}: cổng đang được một chương trình khác dùng trên ${host} (EADDRINUSE). Dừng chương trình đó hoặc đặt PORT khác.`;
  } else if (c === 'EADDRNOTAVAIL' || c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_FAIL' || c === 'EINVAL') {
    message = `HOST=${host}: không phải địa chỉ của máy này (${c}). Dùng 127.0.0.1 (chỉ máy này), 0.0.0.0 (mọi giao diện) hoặc một địa chỉ IP của máy.`;
  } else if (c === 'EACCES' || c === 'EPERM') {
    message = `PORT=${port}: không có quyền mở cổng này (${c}). Dùng cổng từ 1024 trở lên hoặc chạy sau reverse proxy.`;
  } else {
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    message = `Không mở được máy chủ HTTP tại HOST=${host} PORT=${port} (${c}: ${why}).`;
  }
  return new AppError('STARTUP_FAILED', message, { cause: err });
}
