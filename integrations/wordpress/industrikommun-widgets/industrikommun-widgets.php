<?php
/**
 * Plugin Name:       Industrikommun Widgets
 * Plugin URI:        https://www.npmjs.com/package/industrikommun-widgets
 * Description:       The Industrial Municipalities' contact card, manifesto card and "tell a friend" form: three blocks, the elements allowed for Editors and Authors, and the script loaded only on pages that use them.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       industrikommun-widgets
 * Domain Path:       /languages
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The script's handle, for wp_enqueue_script and the script_loader_tag filter. */
const INDUSTRIKOMMUN_WIDGETS_HANDLE = 'industrikommun-widgets';

/** The bundle inside the plugin, copied there by `npm run build:wordpress`. */
const INDUSTRIKOMMUN_WIDGETS_BUNDLE = 'assets/industrikommun-widgets.js';

/**
 * The three elements and the attributes each may keep when a user without
 * `unfiltered_html` saves a post (README.md and the contract list them).
 *
 * A child `<script type="application/json">` is not allowed: allowing `script`
 * in kses would leave only an attribute-value check between an Author and a
 * running script. `data-config` carries the same configuration, and the
 * snippet builder and the blocks write it.
 *
 * @return array<string, array<string, bool>> Tag name => allowed attributes.
 */
function industrikommun_widgets_elements() {
	$common = array(
		'data-config'     => true,
		'data-config-src' => true,
		'heading-level'   => true,
		'lang'            => true,
		'class'           => true,
		'id'              => true,
	);
	return array(
		'ik-contact-card'   => $common + array(
			'name'  => true,
			'role'  => true,
			'phone' => true,
			'email' => true,
		),
		'ik-manifesto-card' => $common,
		'ik-share-form'     => $common + array(
			'endpoint'   => true,
			'url'        => true,
			'page-title' => true,
		),
	);
}

/**
 * Lets post content keep the elements for every role that may edit posts.
 *
 * Only the `post` context: comments and other contexts stay as WordPress has them.
 *
 * @param array  $allowed Allowed tags and attributes.
 * @param string $context The kses context.
 * @return array
 */
function industrikommun_widgets_allowed_html( $allowed, $context ) {
	if ( 'post' !== $context ) {
		return $allowed;
	}
	foreach ( industrikommun_widgets_elements() as $tag => $attributes ) {
		$allowed[ $tag ] = $attributes + ( isset( $allowed[ $tag ] ) ? $allowed[ $tag ] : array() );
	}
	return $allowed;
}
add_filter( 'wp_kses_allowed_html', 'industrikommun_widgets_allowed_html', 10, 2 );

/**
 * Declares the elements' address attributes as URLs, so that kses removes
 * `javascript:` and other protocols it does not allow from them.
 *
 * @param string[] $attributes Attribute names kses checks for protocols.
 * @return string[]
 */
function industrikommun_widgets_uri_attributes( $attributes ) {
	return array_values( array_unique( array_merge( $attributes, array( 'url', 'endpoint', 'data-config-src' ) ) ) );
}
add_filter( 'wp_kses_uri_attributes', 'industrikommun_widgets_uri_attributes' );

/**
 * Keeps the elements' `data-config` JSON intact through kses, which runs for
 * users without `unfiltered_html` (Authors, and Editors on a multisite).
 *
 * The filter removes the backslash from every `\"` inside a tag (wp_kses_stripslashes),
 * so a text holding a straight double quote, `"The \"fourth\" revolution"`,
 * would end its JSON string early; and it ends a tag at the first `>`, even
 * inside a quoted attribute. Before kses runs, such characters in `data-config`
 * are written as the JSON escapes `\u0022`, `\u003c` and `\u003e`, which the
 * element reads as the very same text.
 *
 * @param string $content HTML about to be filtered.
 * @return string
 */
function industrikommun_widgets_protect_config( $content ) {
	if ( ! is_string( $content ) || false === stripos( $content, 'data-config' ) ) {
		return $content;
	}
	return preg_replace_callback(
		'/(<ik-(?:contact-card|manifesto-card|share-form)\b[^>]*?\sdata-config\s*=\s*)(\'[^\']*\'|"[^"]*")/i',
		function ( $match ) {
			$quote = $match[2][0];
			$json  = substr( $match[2], 1, -1 );
			// A quote escaped by an odd number of backslashes: \" but not \\".
			$json = preg_replace( '/(?<!\\\\)((?:\\\\\\\\)*)\\\\"/', '$1\\u0022', $json );
			$json = str_replace( array( '<', '>' ), array( '\\u003c', '\\u003e' ), $json );
			return $match[1] . $quote . $json . $quote;
		},
		$content
	);
}
add_filter( 'pre_kses', 'industrikommun_widgets_protect_config' );

/**
 * The bundle's version and Subresource Integrity hash, written by the build
 * into assets/sri.json.
 *
 * @return array{version: string, integrity: string}|null Null when the plugin has not been built.
 */
function industrikommun_widgets_bundle() {
	static $bundle = false;
	if ( false !== $bundle ) {
		return $bundle;
	}
	$bundle = null;
	$sri    = __DIR__ . '/assets/sri.json';
	if ( is_readable( $sri ) && is_readable( __DIR__ . '/' . INDUSTRIKOMMUN_WIDGETS_BUNDLE ) ) {
		$data = json_decode( (string) file_get_contents( $sri ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$hash = isset( $data['integrity']['industrikommun-widgets.js'] ) ? (string) $data['integrity']['industrikommun-widgets.js'] : '';
		if ( preg_match( '/^sha(256|384|512)-[A-Za-z0-9+\/]+=*$/', $hash ) ) {
			$bundle = array(
				'version'   => isset( $data['version'] ) ? (string) $data['version'] : '',
				'integrity' => $hash,
			);
		}
	}
	return $bundle;
}

/**
 * Registers the script. Its `ver` holds the package version and part of the
 * hash, so a browser never holds a cached copy that the integrity hash refuses.
 */
function industrikommun_widgets_register_script() {
	$bundle = industrikommun_widgets_bundle();
	if ( ! $bundle ) {
		return;
	}
	$version = $bundle['version'] . '-' . substr( md5( $bundle['integrity'] ), 0, 8 );
	wp_register_script( INDUSTRIKOMMUN_WIDGETS_HANDLE, plugins_url( INDUSTRIKOMMUN_WIDGETS_BUNDLE, __FILE__ ), array(), $version, false );
}
add_action( 'init', 'industrikommun_widgets_register_script' );

/**
 * Whether HTML uses one of the elements (pasted, or saved by one of the blocks).
 *
 * @param string $html Post content or other HTML.
 * @return bool
 */
function industrikommun_widgets_uses_elements( $html ) {
	return is_string( $html ) && (bool) preg_match( '/<ik-(?:contact-card|manifesto-card|share-form)[\s>\/]/i', $html );
}

/** Enqueues the script when the page's posts use an element. */
function industrikommun_widgets_enqueue_for_posts() {
	global $wp_query;
	if ( empty( $wp_query->posts ) ) {
		return;
	}
	foreach ( $wp_query->posts as $post ) {
		if ( $post instanceof WP_Post && industrikommun_widgets_uses_elements( $post->post_content ) ) {
			wp_enqueue_script( INDUSTRIKOMMUN_WIDGETS_HANDLE );
			return;
		}
	}
}
add_action( 'wp_enqueue_scripts', 'industrikommun_widgets_enqueue_for_posts' );

/**
 * Enqueues the script when content rendered later uses an element (a widget,
 * a block theme's template part, a post shown outside the main query). When
 * that happens after the head, WordPress prints the script in the footer.
 *
 * @param string $html The rendered content, returned unchanged.
 * @return string
 */
function industrikommun_widgets_enqueue_for_content( $html ) {
	if ( ! is_admin() && industrikommun_widgets_uses_elements( $html ) ) {
		wp_enqueue_script( INDUSTRIKOMMUN_WIDGETS_HANDLE );
	}
	return $html;
}
add_filter( 'the_content', 'industrikommun_widgets_enqueue_for_content', 100 );
add_filter( 'widget_text_content', 'industrikommun_widgets_enqueue_for_content', 100 );
add_filter( 'widget_block_content', 'industrikommun_widgets_enqueue_for_content', 100 );

/**
 * Prints the script as an ES module with its integrity hash. WordPress 6.1
 * has no API for module scripts, so the tag is written here, escaped.
 *
 * @param string $tag    The tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's address, with `ver`.
 * @return string
 */
function industrikommun_widgets_script_tag( $tag, $handle, $src ) {
	if ( INDUSTRIKOMMUN_WIDGETS_HANDLE !== $handle ) {
		return $tag;
	}
	$bundle = industrikommun_widgets_bundle();
	// The registered script's own tag, rewritten as a module: still enqueued through wp_enqueue_script.
	return sprintf(
		// phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript
		'<script type="module" src="%1$s" id="%2$s" integrity="%3$s" crossorigin="anonymous"></script>' . "\n",
		esc_url( $src ),
		esc_attr( $handle . '-js' ),
		esc_attr( $bundle['integrity'] )
	);
}
add_filter( 'script_loader_tag', 'industrikommun_widgets_script_tag', 10, 3 );

/**
 * Loads the plugin's translations (languages/, built from the .po files by
 * `npm run build:wordpress`): the blocks' names and descriptions in PHP, and,
 * further down, the sidebar's fields for the editor script.
 */
function industrikommun_widgets_load_textdomain() {
	load_plugin_textdomain( 'industrikommun-widgets', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
}
add_action( 'init', 'industrikommun_widgets_load_textdomain', 5 );

/**
 * The blocks: one per element, each from its block.json, sharing one editor
 * script in plain JavaScript on the `wp.*` globals (nothing to build).
 */
function industrikommun_widgets_register_blocks() {
	wp_register_script(
		'industrikommun-widgets-blocks',
		plugins_url( 'blocks/editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
		(string) filemtime( __DIR__ . '/blocks/editor.js' ),
		true
	);
	// The sidebar in the editing user's language: languages/industrikommun-widgets-<locale>-industrikommun-widgets-blocks.json.
	wp_set_script_translations( 'industrikommun-widgets-blocks', 'industrikommun-widgets', __DIR__ . '/languages' );
	// The fallback's language when a block follows the page: the site's (not the editor's own), as the element would.
	wp_add_inline_script(
		'industrikommun-widgets-blocks',
		'window.industrikommunWidgets = ' . wp_json_encode( array( 'siteLang' => 0 === strpos( get_locale(), 'en' ) ? 'en' : 'sv' ) ) . ';',
		'before'
	);
	foreach ( array( 'contact-card', 'manifesto-card', 'share-form' ) as $block ) {
		register_block_type( __DIR__ . '/blocks/' . $block );
	}
}
add_action( 'init', 'industrikommun_widgets_register_blocks' );

/** Loads the elements in the block editor too, so that a block previews the real card. */
function industrikommun_widgets_editor_assets() {
	wp_enqueue_script( INDUSTRIKOMMUN_WIDGETS_HANDLE );
}
add_action( 'enqueue_block_editor_assets', 'industrikommun_widgets_editor_assets' );
