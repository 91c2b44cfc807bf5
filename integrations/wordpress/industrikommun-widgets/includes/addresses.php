<?php
/**
 * Addresses only where the administrator allows them. For posts by users
 * without `unfiltered_html`, every address the widgets would send visitors'
 * data to or load configuration from must be on the list of Settings →
 * Industrikommun widgets: the share form's `endpoint` (attribute, or key of
 * the `data-config` JSON or of a child JSON script) must be one of the relay
 * addresses, and `data-config-src` must be on one of the allowed hosts.
 * Anything else is removed when the post is saved (and the editor is told
 * why) and again when it is shown, so that a list made shorter later counts
 * for posts saved before.
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The option that holds the settings; removed by uninstall.php. */
const INDUSTRIKOMMUN_WIDGETS_OPTION = 'industrikommun_widgets_settings';

/**
 * The site's own origin, `https://example.se` (with its port when not the default).
 *
 * @return string
 */
function industrikommun_widgets_site_origin() {
	return industrikommun_widgets_origin( home_url( '/' ) );
}

/**
 * The origin of an absolute http(s) address, or '' for anything else.
 *
 * @param string $url An address.
 * @return string
 */
function industrikommun_widgets_origin( $url ) {
	$parts = wp_parse_url( trim( (string) $url ) );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! isset( $parts['scheme'] ) || ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
		return '';
	}
	return strtolower( $parts['scheme'] ) . '://' . strtolower( $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' );
}

/**
 * An address as the browser resolves it on the site's pages (a relative one against the site's address).
 *
 * @param string $url An address.
 * @return string
 */
function industrikommun_widgets_absolute( $url ) {
	$url = trim( (string) $url );
	if ( '' === $url || preg_match( '#^[a-z][a-z0-9+.-]*:#i', $url ) ) {
		return $url;
	}
	return WP_Http::make_absolute_url( $url, home_url( '/' ) );
}

/**
 * The administrator's lists, with their defaults: no relay, and the site's own origin for configuration files.
 *
 * @return array{relays: string[], config_origins: string[]}
 */
function industrikommun_widgets_settings() {
	$saved = get_option( INDUSTRIKOMMUN_WIDGETS_OPTION );
	$saved = is_array( $saved ) ? $saved : array();
	return array(
		'relays'         => isset( $saved['relays'] ) ? array_values( (array) $saved['relays'] ) : array(),
		'config_origins' => isset( $saved['config_origins'] ) ? array_values( (array) $saved['config_origins'] ) : array( industrikommun_widgets_site_origin() ),
	);
}

/**
 * Whether the share form may send to this address: one of the relay addresses, exactly.
 *
 * @param mixed $url The endpoint.
 * @return bool
 */
function industrikommun_widgets_endpoint_allowed( $url ) {
	return is_string( $url ) && in_array( industrikommun_widgets_absolute( $url ), industrikommun_widgets_settings()['relays'], true );
}

/**
 * Whether a configuration file may load from this address: on an allowed origin.
 *
 * @param mixed $url The `data-config-src` address.
 * @return bool
 */
function industrikommun_widgets_config_src_allowed( $url ) {
	$origin = is_string( $url ) ? industrikommun_widgets_origin( industrikommun_widgets_absolute( $url ) ) : '';
	return '' !== $origin && in_array( $origin, industrikommun_widgets_settings()['config_origins'], true );
}

/**
 * A configuration (decoded JSON) without the endpoints the list does not
 * allow; keys that could reach an object's prototype go too.
 *
 * @param mixed $config  Decoded JSON.
 * @param array $removed The removed addresses, added to.
 * @return mixed
 */
function industrikommun_widgets_clean_config( $config, &$removed ) {
	if ( is_array( $config ) ) {
		return array_map(
			function ( $item ) use ( &$removed ) {
				return industrikommun_widgets_clean_config( $item, $removed );
			},
			$config
		);
	}
	if ( ! is_object( $config ) ) {
		return $config;
	}
	foreach ( get_object_vars( $config ) as $key => $value ) {
		if ( in_array( $key, array( '__proto__', 'constructor', 'prototype' ), true ) ) {
			unset( $config->$key );
		} elseif ( 'endpoint' === $key && ! industrikommun_widgets_endpoint_allowed( $value ) ) {
			$removed[] = array( 'endpoint', is_string( $value ) ? $value : wp_json_encode( $value ) );
			unset( $config->$key );
		} else {
			$config->$key = industrikommun_widgets_clean_config( $value, $removed );
		}
	}
	return $config;
}

/**
 * A JSON text without the addresses the list does not allow; null when it is not JSON PHP can read
 * (the browser might read it, so it must go).
 *
 * @param string $json    JSON text.
 * @param array  $removed The removed addresses, added to.
 * @return string|null The same text when nothing was removed.
 */
function industrikommun_widgets_clean_json( $json, &$removed ) {
	$config = json_decode( $json, false, 100 );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		$removed[] = array( 'data-config', __( '(not readable JSON)', 'industrikommun-widgets' ) );
		return null;
	}
	$before = count( $removed );
	$config = industrikommun_widgets_clean_config( $config, $removed );
	if ( count( $removed ) === $before && false === strpos( $json, '__proto__' ) && false === strpos( $json, 'constructor' ) && false === strpos( $json, 'prototype' ) ) {
		return $json;
	}
	// The JSON.stringify() form: what the blocks write, so that a block stays valid.
	return wp_json_encode( $config, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_LINE_TERMINATORS );
}

/**
 * HTML without the addresses the list does not allow, in the elements'
 * attributes, their `data-config` and any JSON script.
 *
 * @param string $html    HTML.
 * @param array  $removed The removed addresses, as [what, address] pairs, added to.
 * @return string
 */
function industrikommun_widgets_clean_html( $html, &$removed ) {
	$html = industrikommun_widgets_edit_elements(
		$html,
		function ( $tag, $attributes ) use ( &$removed ) {
			$changes = array();
			if ( isset( $attributes['endpoint'] ) && ! industrikommun_widgets_endpoint_allowed( $attributes['endpoint'] ) ) {
				$removed[]           = array( 'endpoint', $attributes['endpoint'] );
				$changes['endpoint'] = null;
			}
			if ( isset( $attributes['data-config-src'] ) && ! industrikommun_widgets_config_src_allowed( $attributes['data-config-src'] ) ) {
				$removed[]                  = array( 'data-config-src', $attributes['data-config-src'] );
				$changes['data-config-src'] = null;
			}
			if ( isset( $attributes['data-config'] ) && '' !== trim( $attributes['data-config'] ) ) {
				$json = industrikommun_widgets_clean_json( $attributes['data-config'], $removed );
				if ( $json !== $attributes['data-config'] ) {
					$changes['data-config'] = $json;
				}
			}
			return $changes;
		}
	);
	// A child <script type="application/json"> (kses removes scripts, but a post may have been saved without kses).
	if ( false !== stripos( $html, 'application/json' ) ) {
		$html = preg_replace_callback(
			'#(<script\b[^>]*\bapplication/json\b[^>]*>)(.*?)(</script\s*>)#is',
			function ( $match ) use ( &$removed ) {
				$json = industrikommun_widgets_clean_json( $match[2], $removed );
				return null === $json ? '' : $match[1] . str_replace( '</', '<\/', $json ) . $match[3];
			},
			$html
		);
	}
	return $html;
}

/**
 * The blocks' own attributes for the same addresses (they are kept in the
 * block's comment, and the editor would put them back).
 *
 * @param array $blocks  Parsed blocks, changed in place.
 * @param array $removed The removed addresses, added to.
 * @return bool Whether a block changed.
 */
function industrikommun_widgets_clean_blocks( &$blocks, &$removed ) {
	$changed = false;
	foreach ( $blocks as &$block ) {
		if ( 'industrikommun/share-form' === $block['blockName'] && ! empty( $block['attrs']['endpoint'] ) && ! industrikommun_widgets_endpoint_allowed( $block['attrs']['endpoint'] ) ) {
			unset( $block['attrs']['endpoint'] );
			$changed = true;
		}
		if ( 'industrikommun/manifesto-card' === $block['blockName'] && ! empty( $block['attrs']['configSrc'] ) && ! industrikommun_widgets_config_src_allowed( $block['attrs']['configSrc'] ) ) {
			unset( $block['attrs']['configSrc'] );
			$changed = true;
		}
		if ( ! empty( $block['innerBlocks'] ) && industrikommun_widgets_clean_blocks( $block['innerBlocks'], $removed ) ) {
			$changed = true;
		}
	}
	unset( $block );
	return $changed;
}

/**
 * What was removed while this request saved a post, for the editor's notice.
 *
 * @param array|null $add [what, address] pairs to add, or null to only read.
 * @return array All pairs so far.
 */
function industrikommun_widgets_removed_now( $add = null ) {
	static $removed = array();
	if ( null !== $add ) {
		$removed = array_merge( $removed, $add );
	}
	return $removed;
}

/**
 * Checks a post's content as it is saved by a user without `unfiltered_html`.
 *
 * @param string $content Slashed content, after kses.
 * @return string
 */
function industrikommun_widgets_check_saved( $content ) {
	if ( current_user_can( 'unfiltered_html' ) || ! is_string( $content ) || false === stripos( $content, 'ik-' ) ) {
		return $content;
	}
	$html    = wp_unslash( $content );
	$removed = array();
	if ( function_exists( 'has_blocks' ) && has_blocks( $html ) ) {
		$blocks = parse_blocks( $html );
		if ( industrikommun_widgets_clean_blocks( $blocks, $removed ) ) {
			$html = serialize_blocks( $blocks );
		}
	}
	$html = industrikommun_widgets_clean_html( $html, $removed );
	if ( ! $removed ) {
		return $content;
	}
	industrikommun_widgets_removed_now( $removed );
	set_transient( 'industrikommun_widgets_removed_' . get_current_user_id(), industrikommun_widgets_removed_now(), 10 * MINUTE_IN_SECONDS );
	return wp_slash( $html );
}
add_filter( 'content_save_pre', 'industrikommun_widgets_check_saved', 20 );

/**
 * Checks a post's content again when it is shown, when its author lacks `unfiltered_html`.
 *
 * @param string $html The rendered content.
 * @return string
 */
function industrikommun_widgets_check_rendered( $html ) {
	$post = get_post();
	if ( ! $post || user_can( (int) $post->post_author, 'unfiltered_html' ) || ! industrikommun_widgets_uses_elements( $html ) ) {
		return $html;
	}
	$removed = array();
	return industrikommun_widgets_clean_html( $html, $removed );
}
add_filter( 'the_content', 'industrikommun_widgets_check_rendered', 20 );

/**
 * The editor's explanation of what was removed, in the user's language.
 *
 * @param array $removed [what, address] pairs.
 * @return string[]
 */
function industrikommun_widgets_removed_messages( $removed ) {
	return array_values(
		array_unique(
			array_map(
				function ( $item ) {
					return sprintf(
						/* translators: 1: an address, 2: where it stood (endpoint, data-config-src, data-config). */
						__( 'Industrikommun widgets: %1$s (%2$s) was removed: it is not on the list of allowed addresses under Settings → Industrikommun widgets. Ask an administrator to add it there.', 'industrikommun-widgets' ),
						$item[1],
						$item[0]
					);
				},
				$removed
			)
		)
	);
}

/** Gives the block editor's save answer a field with the messages, which the editor script shows as a notice. */
function industrikommun_widgets_register_notice_field() {
	register_rest_field(
		get_post_types( array( 'show_in_rest' => true ) ),
		'industrikommun_widgets_removed',
		array(
			'get_callback' => function () {
				$removed = industrikommun_widgets_removed_now();
				if ( $removed ) {
					delete_transient( 'industrikommun_widgets_removed_' . get_current_user_id() );
				}
				return industrikommun_widgets_removed_messages( $removed );
			},
			'schema'       => array(
				'description' => 'Addresses removed from the content when it was saved.',
				'type'        => 'array',
				'items'       => array( 'type' => 'string' ),
				'context'     => array( 'edit' ),
				'readonly'    => true,
			),
		)
	);
}
add_action( 'rest_api_init', 'industrikommun_widgets_register_notice_field' );

/** The same messages as an admin notice, for the classic editor (shown once). */
function industrikommun_widgets_admin_notice() {
	$key     = 'industrikommun_widgets_removed_' . get_current_user_id();
	$removed = get_transient( $key );
	if ( ! is_array( $removed ) || ! $removed ) {
		return;
	}
	delete_transient( $key );
	foreach ( industrikommun_widgets_removed_messages( $removed ) as $message ) {
		printf( '<div class="notice notice-warning is-dismissible"><p>%s</p></div>', esc_html( $message ) );
	}
}
add_action( 'admin_notices', 'industrikommun_widgets_admin_notice' );
