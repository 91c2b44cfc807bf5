<?php
/**
 * The widgets' script: an ES module with its Subresource Integrity hash,
 * loaded only on pages that use an element, and in the block editor. On
 * WordPress 6.5 and later the front end uses WordPress's script-module API
 * (wp_register_script_module); before, and in the editor (whose canvas is an
 * iframe from 6.3), a classic script handle whose tag is made a module.
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The script's handle (and the script module's id). */
const INDUSTRIKOMMUN_WIDGETS_HANDLE = 'industrikommun-widgets';

/** The bundle inside the plugin, copied there by `npm run build:wordpress`. */
const INDUSTRIKOMMUN_WIDGETS_BUNDLE = 'assets/industrikommun-widgets.js';

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
	$sri    = INDUSTRIKOMMUN_WIDGETS_DIR . 'assets/sri.json';
	if ( is_readable( $sri ) && is_readable( INDUSTRIKOMMUN_WIDGETS_DIR . INDUSTRIKOMMUN_WIDGETS_BUNDLE ) ) {
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
 * Whether the script's tag carries `integrity` and `crossorigin="anonymous"`.
 *
 * A site whose optimisation plugin rewrites or combines scripts (so that the
 * file served no longer matches the hash) turns them off with
 * `add_filter( 'industrikommun_widgets_sri', '__return_false' );`.
 *
 * @return bool
 */
function industrikommun_widgets_sri() {
	/**
	 * Filters whether the widgets' script tag carries its integrity hash and crossorigin.
	 *
	 * @param bool $sri True (the default) to keep them.
	 */
	return (bool) apply_filters( 'industrikommun_widgets_sri', true );
}

/** Whether the front end uses the script-module API (WordPress 6.5 and later). */
function industrikommun_widgets_uses_script_modules() {
	return function_exists( 'wp_register_script_module' );
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
	$url     = plugins_url( INDUSTRIKOMMUN_WIDGETS_BUNDLE, INDUSTRIKOMMUN_WIDGETS_FILE );
	wp_register_script( INDUSTRIKOMMUN_WIDGETS_HANDLE, $url, array(), $version, false );
	if ( industrikommun_widgets_uses_script_modules() ) {
		wp_register_script_module( INDUSTRIKOMMUN_WIDGETS_HANDLE, $url, array(), $version );
	}
}
add_action( 'init', 'industrikommun_widgets_register_script' );

/** Enqueues the script on the front end: as a script module where WordPress has them. */
function industrikommun_widgets_enqueue() {
	if ( industrikommun_widgets_uses_script_modules() ) {
		wp_enqueue_script_module( INDUSTRIKOMMUN_WIDGETS_HANDLE );
	} else {
		wp_enqueue_script( INDUSTRIKOMMUN_WIDGETS_HANDLE );
	}
}

/** Enqueues the script when the page's posts use an element (so that it is in the head). */
function industrikommun_widgets_enqueue_for_posts() {
	global $wp_query;
	if ( empty( $wp_query->posts ) ) {
		return;
	}
	foreach ( $wp_query->posts as $post ) {
		if ( $post instanceof WP_Post && industrikommun_widgets_uses_elements( $post->post_content ) ) {
			industrikommun_widgets_enqueue();
			return;
		}
	}
}
add_action( 'wp_enqueue_scripts', 'industrikommun_widgets_enqueue_for_posts' );

/**
 * Enqueues the script when content rendered later uses an element (a widget,
 * a template part, a post shown outside the main query). When that happens
 * after the head, WordPress prints the script in the footer.
 *
 * @param string $html The rendered content, returned unchanged.
 * @return string
 */
function industrikommun_widgets_enqueue_for_content( $html ) {
	if ( ! is_admin() && industrikommun_widgets_uses_elements( $html ) ) {
		industrikommun_widgets_enqueue();
	}
	return $html;
}
add_filter( 'the_content', 'industrikommun_widgets_enqueue_for_content', 100 );
add_filter( 'widget_text_content', 'industrikommun_widgets_enqueue_for_content', 100 );
add_filter( 'widget_block_content', 'industrikommun_widgets_enqueue_for_content', 100 );

/**
 * Makes the classic handle's own tag a module with its integrity hash: only
 * that `<script>` element changes; anything WordPress prints around it (inline
 * scripts before and after, translations) stays as it is.
 *
 * @param string $tag    The tags WordPress made for the handle.
 * @param string $handle The script's handle.
 * @return string
 */
function industrikommun_widgets_script_tag( $tag, $handle ) {
	if ( INDUSTRIKOMMUN_WIDGETS_HANDLE !== $handle ) {
		return $tag;
	}
	$bundle = industrikommun_widgets_bundle();
	$id     = preg_quote( INDUSTRIKOMMUN_WIDGETS_HANDLE . '-js', '/' );
	return preg_replace_callback(
		'/<script\b((?:[^>"\']|"[^"]*"|\'[^\']*\')*?)\sid=(["\']?)' . $id . '\2((?:[^>"\']|"[^"]*"|\'[^\']*\')*)>/',
		function ( $match ) use ( $bundle ) {
			$attributes = preg_replace( '/\s(?:type|integrity|crossorigin)=(?:"[^"]*"|\'[^\']*\'|[^\s>]+)/i', '', $match[1] . $match[3] );
			$extra      = industrikommun_widgets_sri() && $bundle ? sprintf( ' integrity="%s" crossorigin="anonymous"', esc_attr( $bundle['integrity'] ) ) : '';
			return '<script type="module"' . $attributes . ' id="' . esc_attr( INDUSTRIKOMMUN_WIDGETS_HANDLE . '-js' ) . '"' . $extra . '>';
		},
		$tag,
		1
	);
}
add_filter( 'script_loader_tag', 'industrikommun_widgets_script_tag', 10, 2 );

/**
 * Adds the integrity hash to the script module's tag (WordPress 6.5 and later).
 *
 * @param array $attributes The `<script>` tag's attributes.
 * @return array
 */
function industrikommun_widgets_module_attributes( $attributes ) {
	$bundle = industrikommun_widgets_bundle();
	if ( ! isset( $attributes['id'] ) || INDUSTRIKOMMUN_WIDGETS_HANDLE . '-js-module' !== $attributes['id'] || ! $bundle || ! industrikommun_widgets_sri() ) {
		return $attributes;
	}
	$attributes['integrity']   = $bundle['integrity'];
	$attributes['crossorigin'] = 'anonymous';
	return $attributes;
}
add_filter( 'wp_script_attributes', 'industrikommun_widgets_module_attributes' );

/**
 * Loads the elements in the block editor's canvas too, so that a block
 * previews the real card: `enqueue_block_assets` reaches the canvas when it is
 * an iframe (6.3 and later) and the editor page when it is not.
 */
function industrikommun_widgets_editor_assets() {
	if ( is_admin() ) {
		wp_enqueue_script( INDUSTRIKOMMUN_WIDGETS_HANDLE );
	}
}
add_action( 'enqueue_block_assets', 'industrikommun_widgets_editor_assets' );
