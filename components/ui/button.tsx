import type { ComponentProps } from 'react';

const variants = {
  primary: 'bg-stone-900 text-white hover:bg-stone-700 disabled:bg-stone-400',
  secondary:
    'border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400',
  danger: 'bg-con-600 text-white hover:bg-con-800 disabled:bg-stone-400',
  ghost: 'text-stone-700 hover:bg-stone-100 disabled:text-stone-400',
} as const;

const sizes = {
  sm: 'px-2 py-1 font-medium',
  md: 'px-3 py-1.5 font-medium',
  /** A page's or a form's main action. */
  lg: 'px-4 py-2 font-semibold',
} as const;

export interface ButtonStyle {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  /** Small text (the default), or the size of the text around it (a sign-in card's submit). */
  text?: 'sm' | 'inherit';
}

/**
 * A button's classes, for what is not a <button> but looks like one: a <Link> or <a> that is a
 * page's action ("New class", "Download PDF").
 */
export function buttonClass({ variant = 'secondary', size = 'md', text = 'sm' }: ButtonStyle = {}) {
  return `inline-flex items-center justify-center gap-1 rounded-md transition-colors disabled:cursor-not-allowed ${variants[variant]} ${sizes[size]}${text === 'sm' ? ' text-sm' : ''}`;
}

export type ButtonProps = ComponentProps<'button'> & ButtonStyle;

export function Button({
  variant,
  size,
  text,
  className = '',
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`${buttonClass({ variant, size, text })} ${className}`}
      {...rest}
    />
  );
}
