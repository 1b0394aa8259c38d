'use client';

import { Button, type ButtonProps } from '@/components/ui/button';
import type { CommandId } from '@/lib/editor/commands';
import { keysOf } from '@/lib/editor/keys';
import type { Target } from '@/lib/editor/session';
import { useSession } from './session';

/**
 * A button that runs an editor command (lib/editor/commands.ts), with its keys as the hint.
 * Where it is drawn decides its words; what it does is the command's.
 */
export function CommandButton({
  command,
  target,
  size = 'sm',
  ...props
}: Omit<ButtonProps, 'onClick'> & { command: CommandId; target?: Target }) {
  const session = useSession();
  return (
    <Button
      size={size}
      title={keysOf(command)}
      {...props}
      onClick={() => session.run(command, target)}
    />
  );
}
