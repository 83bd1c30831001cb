/**
 * Colours, or none: with NO_COLOR set (to anything but an empty string) the screen uses no colour, only inverse
 * video for the selection and text markers (›, !) that read without colour too.
 */
import {createContext, useContext} from 'react';

/** Colour names for Ink's Text `color` prop, or undefined for the terminal's default. */
export type Theme = {
	colour: boolean;
	error?: string;
	dim?: string;
	accent?: string;
	key?: string;
	string?: string;
	number?: string;
	literal?: string;
	bar?: string;
	/** Medium-severity findings. */
	warn?: string;
	/** Marked events (the events table's gutter). */
	mark?: string;
};

/** The colour theme. */
export const COLOUR_THEME: Theme = {
	colour: true,
	error: 'red',
	dim: 'gray',
	accent: 'cyan',
	key: 'blue',
	string: 'green',
	number: 'yellow',
	literal: 'magenta',
	bar: 'cyan',
	warn: 'yellow',
	mark: 'magenta',
};

/** The theme without colours. */
export const PLAIN_THEME: Theme = {colour: false};

/** The theme the environment asks for. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
	const noColor = env['NO_COLOR'];
	return noColor !== undefined && noColor !== '' ? PLAIN_THEME : COLOUR_THEME;
}

/** The theme in use. */
export const ThemeContext = createContext<Theme>(COLOUR_THEME);

/** The theme in use. */
export function useTheme(): Theme {
	return useContext(ThemeContext);
}
