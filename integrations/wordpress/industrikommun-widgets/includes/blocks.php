<?php
/**
 * The blocks: one per element, each from its block.json, sharing one editor
 * script (blocks/editor.js, bundled by `npm run build:wordpress`), and the
 * languages they offer, from the one language list (src/contract/languages.ts,
 * written into languages.json by the build).
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The content languages: code => {dir, name}, in the list's order (Swedish first).
 *
 * @return array<string, array{dir: string, name: string}>
 */
function industrikommun_widgets_languages() {
	static $languages = null;
	if ( null === $languages ) {
		$file      = INDUSTRIKOMMUN_WIDGETS_DIR . 'languages.json';
		$languages = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		if ( ! is_array( $languages ) || ! $languages ) {
			$languages = array(
				'sv' => array(
					'dir'  => 'ltr',
					'name' => 'Svenska',
				),
			);
		}
	}
	return $languages;
}

/**
 * Adds a text attribute per content language to the blocks: for each `…Sv`
 * attribute of block.json, `…En`, `…Fi`, `…Ar` and whatever the list holds.
 *
 * @param array $metadata A block.json's contents.
 * @return array
 */
function industrikommun_widgets_block_metadata( $metadata ) {
	if ( ! isset( $metadata['name'], $metadata['attributes'] ) || 0 !== strpos( $metadata['name'], 'industrikommun/' ) ) {
		return $metadata;
	}
	foreach ( $metadata['attributes'] as $name => $attribute ) {
		if ( 'Sv' !== substr( $name, -2 ) ) {
			continue;
		}
		foreach ( array_keys( industrikommun_widgets_languages() ) as $code ) {
			$key = substr( $name, 0, -2 ) . ucfirst( $code );
			if ( ! isset( $metadata['attributes'][ $key ] ) ) {
				$metadata['attributes'][ $key ] = $attribute;
			}
		}
	}
	return $metadata;
}
add_filter( 'block_type_metadata', 'industrikommun_widgets_block_metadata' );

/** The site's language, as the widgets read `<html lang>`: one of the list, else Swedish. */
function industrikommun_widgets_site_language() {
	$base = strtolower( strtok( get_locale(), '_-' ) );
	return isset( industrikommun_widgets_languages()[ $base ] ) ? $base : 'sv';
}

/** Registers the editor script and the three blocks. */
function industrikommun_widgets_register_blocks() {
	$script = INDUSTRIKOMMUN_WIDGETS_DIR . 'blocks/editor.js';
	if ( ! is_readable( $script ) ) {
		return; // Not built.
	}
	wp_register_script(
		'industrikommun-widgets-blocks',
		plugins_url( 'blocks/editor.js', INDUSTRIKOMMUN_WIDGETS_FILE ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-data', 'wp-element', 'wp-i18n', 'wp-notices' ),
		(string) filemtime( $script ),
		true
	);
	// The sidebar in the editing user's language: languages/industrikommun-widgets-<locale>-industrikommun-widgets-blocks.json.
	wp_set_script_translations( 'industrikommun-widgets-blocks', 'industrikommun-widgets', INDUSTRIKOMMUN_WIDGETS_DIR . 'languages' );
	// The fallback's language when a block follows the page: the site's (not the editor's own), as the element would.
	wp_add_inline_script(
		'industrikommun-widgets-blocks',
		'window.industrikommunWidgets = ' . wp_json_encode( array( 'siteLang' => industrikommun_widgets_site_language() ) ) . ';',
		'before'
	);
	foreach ( array( 'contact-card', 'manifesto-card', 'share-form' ) as $block ) {
		register_block_type( INDUSTRIKOMMUN_WIDGETS_DIR . 'blocks/' . $block );
	}
}
add_action( 'init', 'industrikommun_widgets_register_blocks' );
